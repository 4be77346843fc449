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

resource "aws_kms_key" "logs" {
  description         = "Log bucket key"
  enable_key_rotation = true
}

module "logs" {
  source  = "./modules/bucket"
  name    = "example-corp-logs"
  kms_key = aws_kms_key.logs.arn
}

# The bucket is here; the encryption is configured inside a module.
resource "aws_s3_bucket" "root" {
  bucket = "example-corp-root"
}

module "root_sse" {
  source  = "./modules/sse"
  bucket  = aws_s3_bucket.root.id
  kms_key = aws_kms_key.logs.arn
}
