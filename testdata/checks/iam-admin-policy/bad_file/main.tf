terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_iam_policy" "admin" {
  name   = "platform-admin"
  policy = file("${path.module}/policies/admin.json") # want "iam-admin-policy"
}

resource "aws_iam_user_policy" "ops" {
  name = "ops"
  user = "ops"
  policy = templatefile("${path.module}/policies/scoped.json.tftpl", { # want "iam-admin-policy"
    actions = ["*"]
  })
}
