# Encryption by default might be on: its count is unknown.
variable "enforce_default_encryption" {
  type = bool
}

resource "aws_ebs_encryption_by_default" "maybe" {
  count = var.enforce_default_encryption ? 1 : 0
}

resource "aws_ebs_volume" "plain" {
  availability_zone = "eu-west-1a"
  size              = 10
}
