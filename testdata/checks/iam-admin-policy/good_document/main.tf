terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

# Bait: the wide statement of the JSON source is overridden by sid in the
# document itself, as the provider merges source_policy_documents.
data "aws_iam_policy_document" "narrowed" {
  source_policy_documents = [
    jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Sid      = "Workload"
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      }]
    }),
  ]

  statement {
    sid       = "Workload"
    actions   = ["dynamodb:GetItem", "dynamodb:Query"]
    resources = ["arn:aws:dynamodb:eu-west-1:111122223333:table/orders"]
  }
}

# Bait: an override document whose statement replaces the wide one.
data "aws_iam_policy_document" "wide" {
  statement {
    sid       = "Ops"
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "readonly_override" {
  statement {
    sid       = "Ops"
    actions   = ["cloudwatch:GetMetricData"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "combined" {
  source_policy_documents   = [data.aws_iam_policy_document.wide.json]
  override_policy_documents = [data.aws_iam_policy_document.readonly_override.json]
}

resource "aws_iam_policy" "combined" {
  name   = "combined"
  policy = data.aws_iam_policy_document.combined.json
}

resource "aws_iam_policy" "narrowed" {
  name   = "narrowed"
  policy = data.aws_iam_policy_document.narrowed.json
}

# Bait: NotAction is iam-allow-not-action's to report.
data "aws_iam_policy_document" "not_iam" {
  statement {
    not_actions = ["iam:*"]
    resources   = ["*"]
  }
}
