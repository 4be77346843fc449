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

resource "aws_s3_bucket" "logs" {
  bucket = "example-corp-logs"
}

module "media" {
  source     = "./modules/bucket"
  name       = "example-corp-media"
  log_bucket = aws_s3_bucket.logs.id
  logging    = true
}

# The bucket is in the module; its logging is configured in the root.
module "plain" {
  source = "./modules/bucket"
  name   = "example-corp-plain"
}

resource "aws_s3_bucket_logging" "plain" {
  bucket        = module.plain.bucket_id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "plain/"
}
