# One customer-managed key for the application's data. Without a policy
# argument AWS attaches the default key policy: the account administers it.
resource "aws_kms_key" "data" {
  description             = "${local.name} application data"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "data" {
  name          = "alias/${local.name}-data"
  target_key_id = aws_kms_key.data.key_id
}

# Every new EBS volume in the account and region is encrypted.
resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}
