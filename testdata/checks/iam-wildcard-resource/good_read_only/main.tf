terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

# Bait: read and list actions on "*" are not write access.
resource "aws_iam_policy" "read" {
  name = "read"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "ec2:Describe*", "cloudwatch:GetMetricData", "s3:List*"]
        Resource = "*"
      },
      {
        # Bait: "s3:*" on "*" is iam-wildcard-action's to report.
        Effect   = "Allow"
        Action   = "s3:*"
        Resource = "*"
      },
      {
        # Bait: write, but denied.
        Effect   = "Deny"
        Action   = ["s3:DeleteObject"]
        Resource = "*"
      },
    ]
  })
}

data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["logs:GetLogEvents", "logs:DescribeLogGroups"]
    resources = ["*"]
  }
}
