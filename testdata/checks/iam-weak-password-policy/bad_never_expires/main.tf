# max_password_age = 0 is the API's "never expire", often passed through a
# module variable whose default is 0.
variable "max_password_age" {
  type    = number
  default = 0
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length      = 14
  require_lowercase_characters = true
  require_numbers              = true
  require_uppercase_characters = true
  require_symbols              = true
  password_reuse_prevention    = 24
  max_password_age             = var.max_password_age # want "iam-weak-password-policy"
}
