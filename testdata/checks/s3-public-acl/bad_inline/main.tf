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

variable "downloads_acl" {
  type        = string
  description = "Canned ACL of the downloads bucket."
  default     = "private"
}

data "aws_canonical_user_id" "current" {}

# Legacy inline ACL, still accepted (deprecated) by provider v5.
resource "aws_s3_bucket" "site" {
  bucket = "example-corp-site-assets"
  acl    = "public-read" # want "s3-public-acl"
}

# The value comes from terraform.tfvars, not from the default.
resource "aws_s3_bucket" "downloads" {
  bucket = "example-corp-downloads"
  acl    = var.downloads_acl # want "s3-public-acl"
}

resource "aws_s3_bucket" "partners" {
  bucket = "example-corp-partner-drop"

  grant {
    id          = data.aws_canonical_user_id.current.id
    type        = "CanonicalUser"
    permissions = ["FULL_CONTROL"]
  }

  grant {
    type        = "Group"
    uri         = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" # want "s3-public-acl"
    permissions = ["READ"]
  }
}

# Bait: the log delivery group is not the public.
resource "aws_s3_bucket" "logs" {
  bucket = "example-corp-access-logs"
  acl    = "log-delivery-write"
}

# Grants built by a dynamic block over a known list.
locals {
  reader_groups = [
    "http://acs.amazonaws.com/groups/s3/LogDelivery",
    "http://acs.amazonaws.com/groups/global/AllUsers",
  ]
}

resource "aws_s3_bucket" "mirror" {
  bucket = "example-corp-mirror"

  dynamic "grant" {
    for_each = local.reader_groups
    content {
      type        = "Group"
      uri         = grant.value # want "s3-public-acl"
      permissions = ["READ"]
    }
  }
}
