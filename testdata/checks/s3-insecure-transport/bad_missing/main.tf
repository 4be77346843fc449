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

# No policy at all: S3 answers plain HTTP.
resource "aws_s3_bucket" "uploads" { # want "s3-insecure-transport"
  bucket = "example-corp-uploads"
}

resource "aws_s3_bucket" "per_env" { # want "s3-insecure-transport"
  for_each = toset(["staging"])
  bucket   = "example-corp-${each.key}-artifacts"
}

# Bait for the link: a policy for another bucket does not cover this one.
resource "aws_s3_bucket" "reports" { # want "s3-insecure-transport"
  bucket = "example-corp-reports"
}

resource "aws_s3_bucket_policy" "external" {
  bucket = "example-corp-external"
  policy = data.aws_iam_policy_document.tls_only.json
}

data "aws_iam_policy_document" "tls_only" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      "arn:aws:s3:::example-corp-external",
      "arn:aws:s3:::example-corp-external/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
