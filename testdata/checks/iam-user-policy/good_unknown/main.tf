terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "users" {
  type = list(string)
}

resource "aws_iam_policy_attachment" "maybe_users" {
  name       = "maybe-users"
  users      = var.users
  groups     = ["developers"]
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}
