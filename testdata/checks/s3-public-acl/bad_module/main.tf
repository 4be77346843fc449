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

# The bucket lives in a child module; its ACL is set here, in the root.
module "site" {
  source = "./modules/site"
  name   = "example-corp-docs"
}

resource "aws_s3_bucket_acl" "docs" {
  bucket = module.site.bucket_id
  acl    = "public-read" # want "s3-public-acl"
}

# The other way round: the bucket is here, the ACL in a child module.
resource "aws_s3_bucket" "shared" {
  bucket = "example-corp-shared"
}

module "shared_acl" {
  source = "./modules/acl"
  bucket = aws_s3_bucket.shared.id
  acl    = var.shared_acl
}

variable "shared_acl" {
  type = string
}
