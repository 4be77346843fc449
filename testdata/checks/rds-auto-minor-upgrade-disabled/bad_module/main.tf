module "billing_db" {
  source        = "./modules/db"
  name          = "billing"
  auto_upgrades = false
}

# Bait: the same module with upgrades on.
module "audit_db" {
  source = "./modules/db"
  name   = "audit"
}
