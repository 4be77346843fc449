terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_iam_policy" "power_user" {
  name = "power-user"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        NotAction = ["iam:*", "organizations:*"] # want "iam-allow-not-action"
        Resource  = "*"
      },
      {
        Effect      = "Allow"
        Action      = "s3:GetObject"
        NotResource = "arn:aws:s3:::acme-secrets/*" # want "iam-allow-not-action"
      },
    ]
  })
}
