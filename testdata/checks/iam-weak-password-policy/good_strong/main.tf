terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

locals {
  password_policy = {
    length = 16
    reuse  = 24
    age    = 90
  }
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = local.password_policy.length
  require_lowercase_characters   = true
  require_numbers                = true
  require_uppercase_characters   = true
  require_symbols                = true
  allow_users_to_change_password = true
  password_reuse_prevention      = local.password_policy.reuse
  max_password_age               = local.password_policy.age
}
