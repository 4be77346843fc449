# The root says nothing about the provider version; the child module caps it
# below 6.0, so Terraform installs a 5.x provider for the whole configuration.
module "warehouse" {
  source = "./modules/warehouse"
  name   = "warehouse"
}
