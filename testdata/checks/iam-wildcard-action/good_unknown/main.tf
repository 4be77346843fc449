terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "extra_actions" {
  type = list(string)
}

resource "aws_iam_policy" "extra" {
  name = "extra"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = concat(["s3:GetObject"], var.extra_actions)
      Resource = "arn:aws:s3:::acme-reports/*"
    }]
  })
}

data "aws_iam_policy_document" "extra" {
  statement {
    actions   = var.extra_actions
    resources = ["arn:aws:s3:::acme-reports/*"]
  }
}
