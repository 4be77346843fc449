# Keys that no resource uses are still keys in the repository: they are
# reported where they are written.
locals {
  legacy_key_id = "AKIAONUSFAKEKEY00011" # want "hardcoded-aws-credentials"
  region        = "eu-west-1"
}

variable "ci_key_id" {
  type    = string
  default = "AKIAONUSFAKEKEY00012" # want "hardcoded-aws-credentials"
}

variable "deploy_key_id" {
  type = string
}

# Used by a resource: reported once, at the use.
locals {
  used_key_id = "AKIAONUSFAKEKEY00014"
}

resource "aws_ssm_parameter" "key" {
  name  = "/ci/key-id"
  type  = "SecureString"
  value = local.used_key_id # want "hardcoded-aws-credentials"
}
