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

# With object ownership BucketOwnerEnforced, ACLs are disabled and no longer
# affect permissions: a leftover public ACL opens nothing (S3 even rejects it).
resource "aws_s3_bucket" "assets" {
  bucket = "example-corp-assets"
  acl    = "public-read"
}

resource "aws_s3_bucket_ownership_controls" "assets" {
  bucket = aws_s3_bucket.assets.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# Same, linked by the literal name.
resource "aws_s3_bucket" "exports" {
  bucket = "example-corp-exports"
}

resource "aws_s3_bucket_ownership_controls" "exports" {
  bucket = "example-corp-exports"

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_acl" "exports" {
  bucket = aws_s3_bucket.exports.bucket
  acl    = "authenticated-read"
}

# ignore_public_acls makes S3 ignore public ACLs when it evaluates access.
resource "aws_s3_bucket" "media" {
  bucket = "example-corp-media"
}

resource "aws_s3_bucket_public_access_block" "media" {
  bucket = aws_s3_bucket.media.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_acl" "media" {
  bucket = aws_s3_bucket.media.id
  acl    = "public-read"
}
