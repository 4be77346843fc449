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

# No default and no tfvars: unknown at scan time, never a finding.
variable "block_public" {
  type = bool
}

resource "aws_s3_bucket" "a" {
  bucket = "example-corp-unknown"
}

resource "aws_s3_bucket_public_access_block" "a" {
  bucket = aws_s3_bucket.a.id

  block_public_acls       = var.block_public
  block_public_policy     = var.block_public
  ignore_public_acls      = var.block_public
  restrict_public_buckets = var.block_public
}
