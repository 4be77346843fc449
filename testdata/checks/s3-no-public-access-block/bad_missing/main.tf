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

resource "aws_s3_bucket" "uploads" { # want "s3-no-public-access-block"
  bucket = "example-corp-uploads"
}

# Bait for the link: this block covers another bucket, not uploads.
resource "aws_s3_bucket" "reports" {
  bucket = "example-corp-reports"
}

resource "aws_s3_bucket_public_access_block" "reports" {
  bucket = aws_s3_bucket.reports.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# A block naming a bucket outside this configuration covers nothing here.
resource "aws_s3_bucket_public_access_block" "external" {
  bucket = "example-corp-external"

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "per_env" { # want "s3-no-public-access-block"
  for_each = toset(["staging"])
  bucket   = "example-corp-${each.key}-artifacts"
}
