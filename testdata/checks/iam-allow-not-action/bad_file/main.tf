terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_iam_group_policy" "developers" {
  name   = "developers"
  group  = "developers"
  policy = file("${path.module}/policies/developers.json") # want "iam-allow-not-action"
}
