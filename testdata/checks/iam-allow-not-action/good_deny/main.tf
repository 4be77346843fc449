terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

# Bait: NotAction and NotResource in Deny statements are the usual
# guardrails, and grant nothing.
resource "aws_iam_policy" "guardrails" {
  name = "guardrails"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyAllExceptListedIfNoMFA"
        Effect    = "Deny"
        NotAction = ["iam:ChangePassword", "iam:GetUser", "sts:GetSessionToken"]
        Resource  = "*"
        Condition = {
          BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" }
        }
      },
      {
        Effect      = "Deny"
        Action      = "s3:*"
        NotResource = ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"]
      },
    ]
  })
}

data "aws_iam_policy_document" "region_lock" {
  statement {
    effect      = "Deny"
    not_actions = ["iam:*", "sts:*", "support:*"]
    resources   = ["*"]
    condition {
      test     = "StringNotEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-1"]
    }
  }
}
