variable "protect" {
  type    = bool
  default = false
}

module "tenants" {
  source   = "./modules/db"
  for_each = toset(["acme", "globex"])
  name     = each.key
  protect  = var.protect
}
