terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

# The usual form, from a policy document data source.
resource "aws_s3_bucket" "data" {
  bucket = "example-corp-data"
}

data "aws_iam_policy_document" "data" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.data.arn,
      "${aws_s3_bucket.data.arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.data.json
}

# jsonencode with unknown parts, linked by the literal bucket name.
resource "aws_s3_bucket" "reports" {
  bucket = "example-corp-reports"
}

resource "aws_s3_bucket_policy" "reports" {
  bucket = "example-corp-reports"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyOldTLS"
        Effect    = "Deny"
        Principal = { AWS = "*" }
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.reports.arn, "${aws_s3_bucket.reports.arn}/*"]
        Condition = { NumericLessThan = { "s3:TlsVersion" = "1.2" } }
      },
    ]
  })
}

# Inline heredoc policy; Bool given as a JSON boolean.
resource "aws_s3_bucket" "legacy" {
  bucket = "example-corp-legacy"
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AllowSSLRequestsOnly",
      "Effect": "Deny",
      "Principal": "*",
      "Action": "s3:*",
      "Resource": [
        "arn:aws:s3:::example-corp-legacy",
        "arn:aws:s3:::example-corp-legacy/*"
      ],
      "Condition": {"Bool": {"aws:SecureTransport": false}}
    }
  ]
}
POLICY
}

data "aws_iam_policy_document" "tls" {
  statement {
    sid       = "DenyHTTP"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket" "site" {
  for_each = toset(["www", "docs"])
  bucket   = "example-corp-${each.key}-site"
}

resource "aws_s3_bucket_policy" "site" {
  for_each = aws_s3_bucket.site
  bucket   = each.value.id
  policy   = data.aws_iam_policy_document.site_each[each.key].json
}

# Per-bucket policies merged from a shared TLS document.
data "aws_iam_policy_document" "site_each" {
  for_each                = aws_s3_bucket.site
  source_policy_documents = [data.aws_iam_policy_document.tls.json]

  statement {
    sid       = "CloudFrontRead"
    actions   = ["s3:GetObject"]
    resources = ["${each.value.arn}/*"]

    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
  }
}

resource "aws_s3_bucket" "retired" {
  count  = 0
  bucket = "example-corp-retired"
}
