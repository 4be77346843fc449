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

variable "scratch_versioning" {
  type = string
}

resource "aws_s3_bucket" "reports" {
  bucket = "example-corp-reports"
}

resource "aws_s3_bucket_versioning" "reports" {
  bucket = aws_s3_bucket.reports.id

  versioning_configuration {
    status = "Suspended" # want "s3-versioning-disabled"
  }
}

resource "aws_s3_bucket" "scratch" {
  bucket = "example-corp-scratch"
}

resource "aws_s3_bucket_versioning" "scratch" {
  bucket = "example-corp-scratch"

  versioning_configuration {
    status = var.scratch_versioning # want "s3-versioning-disabled"
  }
}

# Bait for the link: versioning for another bucket does not cover this one.
resource "aws_s3_bucket" "orphan" { # want "s3-versioning-disabled"
  bucket = "example-corp-orphan"
}

resource "aws_s3_bucket" "other" {
  bucket = "example-corp-other"
}

resource "aws_s3_bucket_versioning" "other" {
  bucket = aws_s3_bucket.other.bucket

  versioning_configuration {
    status = "Enabled"
  }
}

# Per-key versioning: only the "tmp" instance is suspended.
locals {
  tiers = {
    data = "Enabled"
    tmp  = "Suspended"
  }
}

resource "aws_s3_bucket" "tier" {
  for_each = local.tiers
  bucket   = "example-corp-tier-${each.key}"
}

resource "aws_s3_bucket_versioning" "tier" {
  for_each = aws_s3_bucket.tier
  bucket   = each.value.id

  versioning_configuration {
    status = local.tiers[each.key] # want "s3-versioning-disabled"
  }
}

# Terraform accepts an optional resource. prefix on a reference to a
# managed resource: these name the same buckets.
resource "aws_s3_bucket" "prefixed_off" {
  bucket = "example-corp-prefixed-off"
}

resource "aws_s3_bucket_versioning" "prefixed_off" {
  bucket = resource.aws_s3_bucket.prefixed_off.id

  versioning_configuration {
    status = "Suspended" # want "s3-versioning-disabled"
  }
}

resource "aws_s3_bucket" "prefixed_on" {
  bucket = "example-corp-prefixed-on"
}

resource "aws_s3_bucket_versioning" "prefixed_on" {
  bucket = resource.aws_s3_bucket.prefixed_on.id

  versioning_configuration {
    status = "Enabled"
  }
}
