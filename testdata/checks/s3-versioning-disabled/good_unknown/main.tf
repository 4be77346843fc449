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

variable "status" {
  type = string
}

variable "versioning" {
  type = list(object({ enabled = bool }))
}

resource "aws_s3_bucket" "a" {
  bucket = "example-corp-a"
}

resource "aws_s3_bucket_versioning" "a" {
  bucket = aws_s3_bucket.a.id

  versioning_configuration {
    status = var.status
  }
}

# A dynamic block over an unknown list may or may not produce versioning.
resource "aws_s3_bucket" "b" {
  bucket = "example-corp-b"

  dynamic "versioning" {
    for_each = var.versioning
    content {
      enabled = versioning.value.enabled
    }
  }
}
