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

resource "aws_s3_bucket" "by_id" {
  bucket = "example-corp-by-id"
}

resource "aws_s3_bucket_versioning" "by_id" {
  bucket = aws_s3_bucket.by_id.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "by_arn" {
  bucket = "example-corp-by-arn"
}

locals {
  by_arn_name = replace(aws_s3_bucket.by_arn.arn, "arn:aws:s3:::", "")
}

resource "aws_s3_bucket_versioning" "by_arn" {
  bucket = local.by_arn_name

  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Disabled"
  }
}

resource "aws_s3_bucket" "by_name" {
  bucket = "example-corp-by-name"
}

resource "aws_s3_bucket_versioning" "by_name" {
  bucket = "example-corp-by-name"

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "inline" {
  bucket = "example-corp-inline"

  versioning {
    enabled = true
  }
}

# Object Lock implies versioning, and S3 cannot suspend it on such a bucket.
resource "aws_s3_bucket" "vault" {
  bucket              = "example-corp-vault"
  object_lock_enabled = true
}

resource "aws_s3_bucket_object_lock_configuration" "vault" {
  bucket = aws_s3_bucket.vault.id

  rule {
    default_retention {
      mode = "COMPLIANCE"
      days = 365
    }
  }
}

resource "aws_s3_bucket" "retired" {
  count  = 0
  bucket = "example-corp-retired"
}
