variable "name" {
  type = string
}

variable "kms_key_id" {
  type    = string
  default = null
}

resource "aws_sns_topic" "this" { # want "sns-unencrypted"
  name              = var.name
  kms_master_key_id = var.kms_key_id
}
