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

resource "aws_kms_key" "data" {
  description         = "S3 data key"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "split" {
  bucket = "example-corp-split"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "split" {
  bucket = aws_s3_bucket.split.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket" "inline" {
  bucket = "example-corp-inline"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms:dsse"
        kms_master_key_id = aws_kms_key.data.key_id
      }
    }
  }
}

# Customer-managed key by alias, from terraform.tfvars; linked by name.
variable "archive_key" {
  type = string
}

resource "aws_s3_bucket" "archive" {
  bucket = "example-corp-archive"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "archive" {
  bucket = "example-corp-archive"

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.archive_key
    }
  }
}

# for_each buckets with a configuration per key.
resource "aws_s3_bucket" "env" {
  for_each = toset(["dev", "prod"])
  bucket   = "example-corp-${each.key}-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "env" {
  for_each = aws_s3_bucket.env
  bucket   = each.value.bucket

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
  }
}

resource "aws_s3_bucket" "retired" {
  count  = 0
  bucket = "example-corp-retired"
}
