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
  buckets = {
    assets  = { public = true }
    reports = { public = false }
    backups = { public = false }
  }
}

resource "aws_s3_bucket" "this" {
  for_each = local.buckets
  bucket   = "example-corp-${each.key}"
}

resource "aws_s3_bucket_ownership_controls" "this" {
  for_each = local.buckets
  bucket   = aws_s3_bucket.this[each.key].id

  rule {
    object_ownership = each.value.public ? "BucketOwnerPreferred" : "BucketOwnerEnforced"
  }
}

# Only the public bucket gets an ACL, and only its instance is reported.
resource "aws_s3_bucket_acl" "this" {
  for_each = { for k, v in local.buckets : k => v if v.public }
  bucket   = aws_s3_bucket.this[each.key].id
  acl      = "public-read" # want "s3-public-acl"
}

# Switched off: count = 0 creates nothing.
resource "aws_s3_bucket" "legacy" {
  count  = 0
  bucket = "example-corp-legacy"
  acl    = "public-read"
}
