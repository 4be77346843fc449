terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_iam_policy" "deployer" {
  name = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Objects"
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:DeleteObject"]
        Resource = "*" # want "iam-wildcard-resource"
      },
      {
        Sid    = "PassAnyRole"
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "*", # want "iam-wildcard-resource"
        ]
      },
      {
        # Secure transport says nothing about which resources.
        Sid      = "Instances"
        Effect   = "Allow"
        Action   = ["ec2:TerminateInstances", "ec2:DescribeInstances"]
        Resource = "*" # want "iam-wildcard-resource"
        Condition = {
          Bool = { "aws:SecureTransport" = "true" }
        }
      },
      {
        # A pull-through cache importing into any repository:
        # BatchImportUpstreamImage writes.
        Sid      = "PullThroughCache"
        Effect   = "Allow"
        Action   = ["ecr:BatchImportUpstreamImage"]
        Resource = "*" # want "iam-wildcard-resource"
      },
    ]
  })
}
