resource "aws_kms_key" "app" { # want "kms-rotation-disabled"
  description             = "Application data"
  deletion_window_in_days = 30
}

resource "aws_kms_key" "backups" {
  description              = "Backups"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  key_usage                = "ENCRYPT_DECRYPT"
  enable_key_rotation      = false # want "kms-rotation-disabled"
}

variable "rotate" {
  type    = bool
  default = false
}

resource "aws_kms_key" "multi_region" {
  description         = "Replicated secrets"
  multi_region        = true
  enable_key_rotation = var.rotate # want "kms-rotation-disabled"
}
