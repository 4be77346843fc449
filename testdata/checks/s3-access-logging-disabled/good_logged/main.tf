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

variable "log_bucket" {
  type = string
}

# The log bucket receives the others' logs: it is not asked to log itself.
resource "aws_s3_bucket" "logs" {
  bucket = var.log_bucket
}

resource "aws_s3_bucket" "split" {
  bucket = "example-corp-split"
}

resource "aws_s3_bucket_logging" "split" {
  bucket        = aws_s3_bucket.split.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "split/"
}

resource "aws_s3_bucket" "inline" {
  bucket = "example-corp-inline"

  logging {
    target_bucket = var.log_bucket
    target_prefix = "inline/"
  }
}

resource "aws_s3_bucket" "by_name" {
  bucket = "example-corp-by-name"
}

resource "aws_s3_bucket_logging" "by_name" {
  bucket        = "example-corp-by-name"
  target_bucket = var.log_bucket
  target_prefix = "by-name/"
}

resource "aws_s3_bucket" "env" {
  for_each = toset(["dev", "prod"])
  bucket   = "example-corp-${each.key}-web"
}

resource "aws_s3_bucket_logging" "env" {
  for_each      = aws_s3_bucket.env
  bucket        = each.value.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "${each.key}/"
}

resource "aws_s3_bucket" "retired" {
  count  = 0
  bucket = "example-corp-retired"
}
