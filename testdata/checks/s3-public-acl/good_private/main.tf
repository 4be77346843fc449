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

resource "aws_s3_bucket" "app" {
  bucket = "example-corp-app-data"
  acl    = "private"
}

resource "aws_s3_bucket" "logs" {
  bucket = "example-corp-logs"
}

resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

# Log delivery needs the LogDelivery group, which is not the public.
resource "aws_s3_bucket_acl" "logs" {
  depends_on = [aws_s3_bucket_ownership_controls.logs]

  bucket = aws_s3_bucket.logs.id
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket" "team" {
  bucket = "example-corp-team"
}

resource "aws_s3_bucket_acl" "team" {
  bucket = aws_s3_bucket.team.id

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
        uri  = "http://acs.amazonaws.com/groups/s3/LogDelivery"
      }
      permission = "READ_ACP"
    }

    owner {
      id = data.aws_canonical_user_id.current.id
    }
  }
}

# Bait: tags that mention a public ACL are not an ACL.
resource "aws_s3_bucket" "docs" {
  bucket = "example-corp-docs"

  tags = {
    note = "http://acs.amazonaws.com/groups/global/AllUsers is never granted here"
    acl  = "public-read"
  }
}

resource "aws_s3_bucket" "legacy" {
  count  = 0
  bucket = "example-corp-legacy"
  acl    = "public-read"
}
