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

variable "archive_bucket_name" {
  type = string
}

resource "aws_s3_bucket" "by_id" {
  bucket = "example-corp-by-id"
}

resource "aws_s3_bucket_public_access_block" "by_id" {
  bucket = aws_s3_bucket.by_id.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "by_bucket" {
  bucket = "example-corp-by-bucket"
}

resource "aws_s3_bucket_public_access_block" "by_bucket" {
  bucket = aws_s3_bucket.by_bucket.bucket

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Linked by the literal name.
resource "aws_s3_bucket" "by_name" {
  bucket = "example-corp-by-name"
}

resource "aws_s3_bucket_public_access_block" "by_name" {
  bucket = "example-corp-by-name"

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Linked by a name set in terraform.tfvars on both sides.
resource "aws_s3_bucket" "archive" {
  bucket = var.archive_bucket_name
}

resource "aws_s3_bucket_public_access_block" "archive" {
  bucket = var.archive_bucket_name

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# for_each buckets with a block per key.
resource "aws_s3_bucket" "env" {
  for_each = toset(["dev", "prod"])
  bucket   = "example-corp-${each.key}-state"
}

resource "aws_s3_bucket_public_access_block" "env" {
  for_each = aws_s3_bucket.env
  bucket   = each.value.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "retired" {
  count  = 0
  bucket = "example-corp-retired"
}
