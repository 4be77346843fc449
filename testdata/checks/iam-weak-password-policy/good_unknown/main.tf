terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "min_length" {
  type = number
}

variable "max_age" {
  type = number
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length   = var.min_length
  password_reuse_prevention = 24
  max_password_age          = var.max_age
}
