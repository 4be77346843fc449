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

# Inline (deprecated) policy read from a file: a public website bucket.
resource "aws_s3_bucket" "site" {
  bucket = "example-corp-site"
  policy = file("${path.module}/site-policy.json") # want "s3-public-policy"
}

# From terraform.tfvars: the whole document.
variable "downloads_policy" {
  type = string
}

resource "aws_s3_bucket" "downloads" {
  bucket = "example-corp-downloads"
  policy = var.downloads_policy # want "s3-public-policy"
}

# Inline jsonencode: the finding points at the principal.
resource "aws_s3_bucket" "assets" {
  bucket = "example-corp-assets"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "PublicRead"
        Effect    = "Allow"
        Principal = "*" # want "s3-public-policy"
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::example-corp-assets/*"
      },
      {
        Sid       = "DenyHTTP"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = "arn:aws:s3:::example-corp-assets/*"
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}
