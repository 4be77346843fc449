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

variable "allow_public_policy" {
  type    = bool
  default = false
}

resource "aws_s3_bucket" "website" {
  bucket = "example-corp-website"
}

resource "aws_s3_bucket_public_access_block" "website" {
  bucket = aws_s3_bucket.website.id

  block_public_acls       = true
  block_public_policy     = !var.allow_public_policy # want "s3-public-access-block-disabled"
  ignore_public_acls      = true
  restrict_public_buckets = false # want "s3-public-access-block-disabled"
}

resource "aws_s3_bucket" "data" {
  bucket = "example-corp-data"
}

# Only two settings written: the other two default to false and this resource
# turns them off on a bucket where S3 had them on.
resource "aws_s3_bucket_public_access_block" "data" { # want "s3-public-access-block-disabled"
  bucket = aws_s3_bucket.data.id

  block_public_acls   = true
  block_public_policy = true
}

# Strings convert to bool as Terraform converts them.
resource "aws_s3_bucket_public_access_block" "legacy" {
  bucket = "example-corp-legacy-uploads"

  block_public_acls       = "false" # want "s3-public-access-block-disabled"
  block_public_policy     = "true"
  ignore_public_acls      = "true"
  restrict_public_buckets = "true"
}
