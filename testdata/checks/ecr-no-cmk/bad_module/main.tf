module "services" {
  source   = "./modules/repo"
  for_each = toset(["cart", "checkout"])

  name = each.key
}
