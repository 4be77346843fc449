terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/api"
  retention_in_days = 30
}

# Partly unknown: the log group ARN is only known after apply, so jsonencode
# yields an unknown string whose structure is still readable.
resource "aws_iam_policy" "break_glass" {
  name = "break-glass"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadLogs"
        Effect   = "Allow"
        Action   = ["logs:GetLogEvents", "logs:FilterLogEvents"]
        Resource = "${aws_cloudwatch_log_group.app.arn}:*"
      },
      {
        Sid      = "Everything"
        Effect   = "Allow"
        Action   = "*" # want "iam-admin-policy"
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_role" "ops" {
  name = "ops"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
    }]
  })

  inline_policy {
    name = "ops-all"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = {
        Effect   = "Allow"
        Action   = ["*"] # want "iam-admin-policy"
        Resource = ["*"]
      }
    })
  }
}

locals {
  admin_statement = {
    Effect   = "Allow"
    Action   = "*:*"
    Resource = "*"
  }
}

resource "aws_iam_group_policy" "admins" {
  name  = "admins"
  group = "admins"
  # The statement comes from a local: the finding points at the argument.
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [local.admin_statement] # want "iam-admin-policy"
  })
}
