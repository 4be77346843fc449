locals {
  legacy_key_id = "AKIAONUSFAKEKEY00009"
}

output "key_id" {
  value = local.legacy_key_id
}
