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

resource "aws_s3_bucket" "reports" {
  bucket = "example-corp-reports"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "reports" {
  bucket = aws_s3_bucket.reports.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256" # want "s3-no-cmk-encryption"
    }
  }
}

resource "aws_s3_bucket" "exports" {
  bucket = "example-corp-exports"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "exports" {
  bucket = "example-corp-exports"

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms:dsse"
      kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:alias/aws/s3" # want "s3-no-cmk-encryption"
    }
  }
}

# A rule with only bucket_key_enabled leaves the default, SSE-S3.
resource "aws_s3_bucket" "keys_only" {
  bucket = "example-corp-keys-only"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "keys_only" {
  bucket = aws_s3_bucket.keys_only.bucket

  rule { # want "s3-no-cmk-encryption"
    bucket_key_enabled = true
  }
}

# Bait for the link: a CMK configuration for another bucket does not cover
# this one.
resource "aws_s3_bucket" "orphan" { # want "s3-no-cmk-encryption"
  bucket = "example-corp-orphan"
}

resource "aws_kms_key" "other" {
  description         = "Key for another bucket"
  enable_key_rotation = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "other" {
  bucket = "example-corp-somewhere-else"

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.other.arn
    }
  }
}
