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
variable "principal" {
  type = string
}

variable "effect" {
  type = string
}

variable "policy" {
  type = string
}

resource "aws_s3_bucket" "a" {
  bucket = "example-corp-a"
}

resource "aws_s3_bucket_policy" "a" {
  bucket = aws_s3_bucket.a.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = var.principal }
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.a.arn}/*"
      },
      {
        Effect    = var.effect
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.a.arn}/*"
      },
    ]
  })
}

resource "aws_s3_bucket" "b" {
  bucket = "example-corp-b"
  policy = var.policy
}
