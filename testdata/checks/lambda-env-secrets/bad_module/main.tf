variable "partner_token" {
  type      = string
  sensitive = true
}

module "sync" {
  source        = "./modules/fn"
  for_each      = toset(["eu", "us"])
  name          = "partner-sync-${each.key}"
  partner_token = var.partner_token
}
