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

# restrict_public_buckets: only AWS services and the owner account can use a
# public policy, so the grant reaches no outsider.
resource "aws_s3_bucket" "legacy" {
  bucket = "example-corp-legacy"
}

resource "aws_s3_bucket_public_access_block" "legacy" {
  bucket = aws_s3_bucket.legacy.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_policy" "legacy" {
  bucket = aws_s3_bucket.legacy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.legacy.arn}/*"
    }]
  })
}

# Bait: Deny statements with Principal "*" grant nothing.
resource "aws_s3_bucket" "deny_only" {
  bucket = "example-corp-deny-only"
}

resource "aws_s3_bucket_policy" "deny_only" {
  bucket = aws_s3_bucket.deny_only.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:DeleteBucket"
      Resource  = aws_s3_bucket.deny_only.arn
    }]
  })
}

resource "aws_s3_bucket" "retired" {
  count  = 0
  bucket = "example-corp-retired"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::example-corp-retired/*"
    }]
  })
}
