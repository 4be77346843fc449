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

# Nothing configured: S3 applies SSE-S3 anyway, with keys AWS manages.
resource "aws_s3_bucket" "plain" { # want "s3-no-cmk-encryption"
  bucket = "example-corp-plain"
}

resource "aws_s3_bucket" "sse_s3" {
  bucket = "example-corp-sse-s3"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256" # want "s3-no-cmk-encryption"
      }
    }
  }
}

# aws:kms with no key id uses the AWS-managed aws/s3 key.
resource "aws_s3_bucket" "aws_managed" {
  bucket = "example-corp-aws-managed"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms" # want "s3-no-cmk-encryption"
      }
      bucket_key_enabled = true
    }
  }
}

resource "aws_s3_bucket" "alias" {
  bucket = "example-corp-alias"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = var.data_key # want "s3-no-cmk-encryption"
      }
    }
  }
}

variable "data_key" {
  type    = string
  default = null
}
