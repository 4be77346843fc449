resource "aws_kms_key" "app" {
  description             = "Application data"
  enable_key_rotation     = true
  rotation_period_in_days = 180
}

# Asymmetric and HMAC keys cannot rotate automatically: never flagged.
resource "aws_kms_key" "signing" {
  description              = "Release signing"
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
}

resource "aws_kms_key" "rsa" {
  description              = "Envelope for partners"
  customer_master_key_spec = "RSA_4096"
  key_usage                = "ENCRYPT_DECRYPT"
}

resource "aws_kms_key" "webhooks" {
  description              = "Webhook MACs"
  customer_master_key_spec = "HMAC_256"
  key_usage                = "GENERATE_VERIFY_MAC"
}

# Keys in a custom key store cannot rotate automatically either.
resource "aws_kms_key" "hsm" {
  description         = "CloudHSM-backed"
  custom_key_store_id = "cks-1234567890abcdef0"
}

variable "rotate" {
  type = bool
}

resource "aws_kms_key" "unknown" {
  description         = "Decided by the pipeline"
  enable_key_rotation = var.rotate
}

variable "spec" {
  type = string
}

resource "aws_kms_key" "unknown_spec" {
  description              = "Spec decided by the pipeline"
  customer_master_key_spec = var.spec
}
