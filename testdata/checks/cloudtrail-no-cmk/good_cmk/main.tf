data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "trail_key" {
  statement {
    sid       = "AccountAdmin"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudTrailEncrypt"
    actions   = ["kms:GenerateDataKey*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
  }
}

resource "aws_kms_key" "trail" {
  description         = "CloudTrail logs"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.trail_key.json
}

resource "aws_cloudtrail" "org" {
  name                       = "org-trail"
  s3_bucket_name             = "acme-cloudtrail-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = aws_kms_key.trail.arn
}

variable "key_arn" {
  type = string
}

resource "aws_cloudtrail" "unknown" {
  name           = "unknown"
  s3_bucket_name = "acme-cloudtrail-logs"
  kms_key_id     = var.key_arn
}
