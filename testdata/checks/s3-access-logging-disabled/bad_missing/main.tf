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

resource "aws_s3_bucket" "uploads" { # want "s3-access-logging-disabled"
  bucket = "example-corp-uploads"
}

resource "aws_s3_bucket" "logs" {
  bucket = "example-corp-access-logs"
}

resource "aws_s3_bucket" "reports" {
  bucket = "example-corp-reports"
}

resource "aws_s3_bucket_logging" "reports" {
  bucket        = aws_s3_bucket.reports.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "reports/"
}

# Bait for the link: this bucket is the source of nothing and the target of
# nothing; a logging configuration for a bucket outside this configuration
# does not cover it.
resource "aws_s3_bucket" "exports" { # want "s3-access-logging-disabled"
  bucket = "example-corp-exports"
}

resource "aws_s3_bucket_logging" "external" {
  bucket        = "example-corp-external"
  target_bucket = "example-corp-central-logs"
  target_prefix = "external/"
}

resource "aws_s3_bucket" "per_env" { # want "s3-access-logging-disabled"
  for_each = toset(["staging"])
  bucket   = "example-corp-${each.key}-artifacts"
}
