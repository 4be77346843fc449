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

# The policy text is unknown at scan time: never a finding.
variable "bucket_policy" {
  type = string
}

variable "statements" {
  type = list(object({
    effect  = string
    actions = list(string)
  }))
}

resource "aws_s3_bucket" "a" {
  bucket = "example-corp-a"
}

resource "aws_s3_bucket_policy" "a" {
  bucket = aws_s3_bucket.a.id
  policy = var.bucket_policy
}

resource "aws_s3_bucket" "b" {
  bucket = "example-corp-b"
}

data "aws_iam_policy_document" "b" {
  dynamic "statement" {
    for_each = var.statements
    content {
      effect    = statement.value.effect
      actions   = statement.value.actions
      resources = ["${aws_s3_bucket.b.arn}/*"]

      principals {
        type        = "*"
        identifiers = ["*"]
      }
    }
  }
}

resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.b.json
}

# The bucket the policy applies to is unknown: it may be this one.
variable "bucket_name" {
  type = string
}

resource "aws_s3_bucket" "c" {
  bucket = var.bucket_name
}

resource "aws_s3_bucket_policy" "c" {
  bucket = var.bucket_name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = "arn:aws:s3:::${var.bucket_name}/*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
