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

resource "aws_s3_bucket" "media" {
  bucket = "example-corp-media"
}

# jsonencode with unknown parts (the ARN): the structure is still read.
resource "aws_s3_bucket_policy" "media" {
  bucket = aws_s3_bucket.media.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" } # want "s3-public-policy"
      Action    = ["s3:GetObject"]
      Resource  = "${aws_s3_bucket.media.arn}/*"
    }]
  })
}

# A policy document data source: reported inside it.
resource "aws_s3_bucket" "uploads" {
  bucket = "example-corp-uploads"
}

data "aws_iam_policy_document" "uploads" {
  statement {
    sid       = "AnyoneCanUpload"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.uploads.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"] # want "s3-public-policy"
    }

    # Bait: a condition on something else narrows nothing.
    condition {
      test     = "StringEquals"
      variable = "s3:x-amz-acl"
      values   = ["bucket-owner-full-control"]
    }
  }
}

resource "aws_s3_bucket_policy" "uploads" {
  bucket = aws_s3_bucket.uploads.bucket
  policy = data.aws_iam_policy_document.uploads.json
}

# Linked by the literal name; Block Public Access is loosened for it.
resource "aws_s3_bucket" "public_data" {
  bucket = "example-corp-public-data"
}

resource "aws_s3_bucket_public_access_block" "public_data" {
  bucket = "example-corp-public-data"

  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = false
}

resource "aws_s3_bucket_policy" "public_data" {
  depends_on = [aws_s3_bucket_public_access_block.public_data]

  bucket = "example-corp-public-data"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*" # want "s3-public-policy"
      Action    = ["s3:GetObject", "s3:ListBucket"]
      Resource  = ["arn:aws:s3:::example-corp-public-data", "arn:aws:s3:::example-corp-public-data/*"]
    }]
  })
}

# Bait for the link: restrict_public_buckets on another bucket does not help.
resource "aws_s3_bucket" "locked" {
  bucket = "example-corp-locked"
}

resource "aws_s3_bucket_public_access_block" "locked" {
  bucket = aws_s3_bucket.locked.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
