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

# Unknown at scan time: never a finding.
variable "sse_algorithm" {
  type = string
}

variable "kms_key_id" {
  type = string
}

variable "rules" {
  type = list(object({ algorithm = string, key = string }))
}

resource "aws_s3_bucket" "a" {
  bucket = "example-corp-a"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "a" {
  bucket = aws_s3_bucket.a.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.sse_algorithm
      kms_master_key_id = var.kms_key_id
    }
  }
}

resource "aws_s3_bucket" "b" {
  bucket = "example-corp-b"

  server_side_encryption_configuration {
    dynamic "rule" {
      for_each = var.rules
      content {
        apply_server_side_encryption_by_default {
          sse_algorithm     = rule.value.algorithm
          kms_master_key_id = rule.value.key
        }
      }
    }
  }
}

resource "aws_s3_bucket" "c" {
  bucket = "example-corp-c"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = var.kms_key_id
      }
    }
  }
}
