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

data "aws_canonical_user_id" "current" {}

resource "aws_s3_bucket" "website" {
  bucket = "example-corp-website"
}

# ACLs re-enabled and Block Public Access loosened, as in the provider's own
# public-read example: the ACL really is public.
resource "aws_s3_bucket_ownership_controls" "website" {
  bucket = aws_s3_bucket.website.id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_public_access_block" "website" {
  bucket = aws_s3_bucket.website.id

  block_public_acls       = false
  block_public_policy     = false
  ignore_public_acls      = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_acl" "website" {
  depends_on = [
    aws_s3_bucket_ownership_controls.website,
    aws_s3_bucket_public_access_block.website,
  ]

  bucket = aws_s3_bucket.website.id
  acl    = "public-read" # want "s3-public-acl"
}

resource "aws_s3_bucket" "media" {
  bucket = "example-corp-media"
}

resource "aws_s3_bucket_ownership_controls" "media" {
  bucket = aws_s3_bucket.media.bucket

  rule {
    object_ownership = "ObjectWriter"
  }
}

resource "aws_s3_bucket_acl" "media" {
  bucket = aws_s3_bucket.media.bucket

  access_control_policy {
    grant {
      grantee {
        id   = data.aws_canonical_user_id.current.id
        type = "CanonicalUser"
      }
      permission = "FULL_CONTROL"
    }

    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers" # want "s3-public-acl"
      }
      permission = "READ"
    }

    # Bait: log delivery is not public.
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/s3/LogDelivery"
      }
      permission = "WRITE"
    }

    owner {
      id = data.aws_canonical_user_id.current.id
    }
  }
}

# Linked by the literal bucket name rather than a reference.
resource "aws_s3_bucket" "archive" {
  bucket = "example-corp-archive"
}

resource "aws_s3_bucket_acl" "archive" {
  bucket = "example-corp-archive"
  acl    = "authenticated-read" # want "s3-public-acl"
}

# Bait for the link: this bucket disables ACLs, but it is another bucket.
resource "aws_s3_bucket" "reports" {
  bucket = "example-corp-reports"
}

resource "aws_s3_bucket_ownership_controls" "reports" {
  bucket = aws_s3_bucket.reports.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# Linked by ARN through a local.
locals {
  exports_arn = aws_s3_bucket.exports.arn
}

resource "aws_s3_bucket" "exports" {
  bucket = "example-corp-exports"
}

resource "aws_s3_bucket_acl" "exports" {
  bucket = split(":", local.exports_arn)[5]
  acl    = "public-read-write" # want "s3-public-acl"
}
