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

# The bucket is in a child module, its public access block in the root.
module "media" {
  source = "./modules/bucket"
  name   = "example-corp-media"
}

resource "aws_s3_bucket_public_access_block" "media" {
  bucket = module.media.bucket_id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# And the other way round: the bucket is here, the block in a module.
resource "aws_s3_bucket" "root" {
  bucket = "example-corp-root"
}

module "root_block" {
  source = "./modules/block"
  bucket = aws_s3_bucket.root.id
}
