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

# No default and no tfvars: unknown at scan time, never a finding.
variable "acl" {
  type = string
}

variable "grantee_uri" {
  type = string
}

variable "object_ownership" {
  type = string
}

resource "aws_s3_bucket" "a" {
  bucket = "example-corp-unknown-a"
  acl    = var.acl
}

resource "aws_s3_bucket" "b" {
  bucket = "example-corp-unknown-b"

  grant {
    type        = "Group"
    uri         = var.grantee_uri
    permissions = ["READ"]
  }
}

# Public ACL, but object ownership is unknown: it may disable ACLs.
resource "aws_s3_bucket" "c" {
  bucket = "example-corp-unknown-c"
}

resource "aws_s3_bucket_ownership_controls" "c" {
  bucket = aws_s3_bucket.c.id

  rule {
    object_ownership = var.object_ownership
  }
}

resource "aws_s3_bucket_acl" "c" {
  bucket = aws_s3_bucket.c.id
  acl    = "public-read"
}
