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

locals {
  buckets = toset(["reports", "exports", "archive"])
}

resource "aws_s3_bucket" "this" {
  for_each = local.buckets
  bucket   = "example-corp-${each.key}"
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Switched off: count = 0 creates nothing.
resource "aws_s3_bucket_public_access_block" "disabled" {
  count  = 0
  bucket = "example-corp-disabled"

  block_public_acls       = false
  block_public_policy     = false
  ignore_public_acls      = false
  restrict_public_buckets = false
}

# Bait: other resources with lookalike arguments are not public access blocks.
resource "aws_s3_bucket_acl" "reports" {
  bucket = aws_s3_bucket.this["reports"].id
  acl    = "private"
}
