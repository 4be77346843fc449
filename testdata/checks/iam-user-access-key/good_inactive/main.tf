terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "key_status" {
  type = string
}

resource "aws_iam_user" "legacy" {
  name = "legacy"
}

# Bait: an inactive key cannot sign requests.
resource "aws_iam_access_key" "retired" {
  user   = aws_iam_user.legacy.name
  status = "Inactive"
}

# A status onus cannot see may be Inactive.
resource "aws_iam_access_key" "unknown" {
  user   = aws_iam_user.legacy.name
  status = var.key_status
}
