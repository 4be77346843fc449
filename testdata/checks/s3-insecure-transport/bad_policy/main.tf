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

data "aws_caller_identity" "current" {}

resource "aws_s3_bucket" "data" {
  bucket = "example-corp-data"
}

# A policy, but no Deny on insecure transport: reported at the policy.
resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({ # want "s3-insecure-transport"
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountRead"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
      Action    = ["s3:GetObject"]
      Resource  = "${aws_s3_bucket.data.arn}/*"
    }]
  })
}

# Inline (deprecated) policy in a heredoc, kept in a local.
locals {
  legacy_policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadForPartner",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::example-corp-legacy/*"
    }
  ]
}
POLICY
}

resource "aws_s3_bucket" "legacy" {
  bucket = "example-corp-legacy"
  policy = local.legacy_policy # want "s3-insecure-transport"
}

# Bait: a Deny that only applies when the request already uses TLS (it keeps
# plain HTTP working, as AWS's own example says).
resource "aws_s3_bucket" "tls_floor_only" {
  bucket = "example-corp-tls-floor"
}

resource "aws_s3_bucket_policy" "tls_floor_only" {
  bucket = aws_s3_bucket.tls_floor_only.id
  policy = data.aws_iam_policy_document.https_floor.json # want "s3-insecure-transport"
}

data "aws_iam_policy_document" "https_floor" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["${aws_s3_bucket.tls_floor_only.arn}/*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }

    condition {
      test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = ["1.2"]
    }
  }
}

# Bait: a Deny on aws:SecureTransport = "true" refuses HTTPS, not HTTP.
resource "aws_s3_bucket" "backwards" {
  bucket = "example-corp-backwards"
}

resource "aws_s3_bucket_policy" "backwards" {
  bucket = aws_s3_bucket.backwards.bucket
  policy = jsonencode({ # want "s3-insecure-transport"
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["${aws_s3_bucket.backwards.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "true" } }
    }]
  })
}
