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

resource "aws_s3_bucket" "none" { # want "s3-versioning-disabled"
  bucket = "example-corp-none"
}

resource "aws_s3_bucket" "off" {
  bucket = "example-corp-off"

  versioning {
    enabled = false # want "s3-versioning-disabled"
  }
}

# enabled defaults to false.
resource "aws_s3_bucket" "mfa_only" {
  bucket = "example-corp-mfa-only"

  versioning { # want "s3-versioning-disabled"
    mfa_delete = false
  }
}

resource "aws_s3_bucket" "by_var" {
  bucket = "example-corp-by-var"

  versioning {
    enabled = var.versioning # want "s3-versioning-disabled"
  }
}

# Object Lock off: nothing implies versioning.
resource "aws_s3_bucket" "unlocked" { # want "s3-versioning-disabled"
  bucket              = "example-corp-unlocked"
  object_lock_enabled = false
}

variable "versioning" {
  type    = bool
  default = true
}
