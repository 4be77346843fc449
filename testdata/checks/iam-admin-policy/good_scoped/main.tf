terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

# Bait: Deny statements grant nothing, whatever they name.
resource "aws_iam_policy" "guardrail" {
  name = "guardrail"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "DenyOutsideRegions"
        Effect   = "Deny"
        Action   = "*"
        Resource = "*"
        Condition = {
          StringNotEquals = { "aws:RequestedRegion" = ["eu-west-1"] }
        }
      },
      {
        Sid    = "ReadReports"
        Effect = "Allow"
        Action = ["s3:GetObject", "s3:ListBucket"]
        Resource = [
          aws_s3_bucket.reports.arn,
          "${aws_s3_bucket.reports.arn}/*",
        ]
      },
    ]
  })
}

# Bait: every action, but on one bucket only — iam-wildcard-action's, not
# an administrator grant.
resource "aws_iam_role_policy" "bucket_owner" {
  name = "bucket-owner"
  role = "bucket-owner"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = ["arn:aws:s3:::acme-reports", "arn:aws:s3:::acme-reports/*"]
    }]
  })
}

# Bait: lower-case effect is not an Allow (AWS compares Effect case
# sensitively and rejects the policy).
resource "aws_iam_user_policy" "typo" {
  name   = "typo"
  user   = "typo"
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}"
}
