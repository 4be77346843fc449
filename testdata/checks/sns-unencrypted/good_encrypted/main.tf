resource "aws_kms_key" "sns" {
  description         = "SNS topics"
  enable_key_rotation = true
}

resource "aws_sns_topic" "orders" {
  name              = "orders"
  kms_master_key_id = aws_kms_key.sns.arn
}

# The AWS-managed key still encrypts at rest; key control is another matter.
resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = "alias/aws/sns"
}

variable "key_id" {
  type = string
}

resource "aws_sns_topic" "unknown" {
  name              = "unknown"
  kms_master_key_id = var.key_id
}
