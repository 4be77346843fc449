terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "ci" { # want "iam-user-access-key"
  user = aws_iam_user.ci.name
}

resource "aws_iam_access_key" "rotating" { # want "iam-user-access-key" "iam-user-access-key"
  count   = 2
  user    = aws_iam_user.ci.name
  pgp_key = "keybase:acme_ops"
  status  = "Active"
}
