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

# One account-level block covers every bucket of the account.
resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "a" {
  bucket = "example-corp-a"
}

resource "aws_s3_bucket" "b" {
  bucket_prefix = "example-corp-b-"
}
