terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

data "aws_iam_policy_document" "base" {
  statement {
    sid       = "ReadConfig"
    actions   = ["ssm:GetParameter"]
    resources = ["arn:aws:ssm:eu-west-1:111122223333:parameter/app/*"]
  }
}

# Used by two roles: reported once, at the data source.
data "aws_iam_policy_document" "admin" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]

  statement {
    sid = "Admin"
    actions = [
      "*", # want "iam-admin-policy"
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "a" {
  name   = "a"
  role   = "role-a"
  policy = data.aws_iam_policy_document.admin.json
}

resource "aws_iam_role_policy" "b" {
  name   = "b"
  role   = "role-b"
  policy = data.aws_iam_policy_document.admin.json
}

# A document whose JSON source holds the wide statement, merged in.
data "aws_iam_policy_document" "merged" {
  source_policy_documents = [
    jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Sid      = "Legacy"
        Effect   = "Allow"
        Action   = "*" # want "iam-admin-policy"
        Resource = "*"
      }]
    }),
  ]

  statement {
    sid       = "Describe"
    actions   = ["ec2:DescribeInstances"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "merged" {
  name   = "merged"
  policy = data.aws_iam_policy_document.merged.json
}
