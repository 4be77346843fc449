terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "resources" {
  type = list(string)
}

variable "condition_values" {
  type = list(string)
}

resource "aws_iam_policy" "unknown_resources" {
  name = "unknown-resources"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:PutObject"]
      Resource = var.resources
    }]
  })
}

data "aws_iam_policy_document" "unknown_condition" {
  statement {
    actions   = ["ec2:TerminateInstances"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/env"
      values   = var.condition_values
    }
  }
}
