terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

data "aws_caller_identity" "current" {}

resource "aws_iam_policy" "reader" {
  name = "reader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # Bait: a prefix wildcard is not "<service>:*".
        Effect   = "Allow"
        Action   = ["s3:Get*", "s3:List*"]
        Resource = "arn:aws:s3:::acme-reports/*"
      },
      {
        # Bait: Deny grants nothing.
        Effect   = "Deny"
        Action   = "s3:*"
        Resource = "arn:aws:s3:::acme-secrets/*"
      },
      {
        # Bait: every action on every resource is iam-admin-policy's alone.
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
    ]
  })
}

# Bait: a key policy granting kms:* to the account root is the AWS default
# key policy; resource policies are judged by who they name.
resource "aws_kms_key" "app" {
  description         = "app"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "EnableIAMUserPermissions"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
