locals {
  # Handed to the legacy worker until it moves to an instance role.
  legacy_key_id = "AKIAONUSFAKEKEY00002"
}

module "worker" {
  source = "./modules/worker"
  for_each = {
    eu = "eu-west-1"
  }
  region = each.value
  key_id = local.legacy_key_id
}
