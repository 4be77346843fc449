terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

# Nothing set: a 6-character minimum, reuse allowed, no expiry.
resource "aws_iam_account_password_policy" "this" { # want "iam-weak-password-policy" "iam-weak-password-policy" "iam-weak-password-policy"
  require_symbols = true
}
