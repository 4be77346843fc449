terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_iam_group_policy" "dba" {
  name   = "dba"
  group  = "dba"
  policy = file("${path.module}/policies/dba.json") # want "iam-wildcard-action"
}
