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

# The module's bucket gets its policy from the root.
module "media" {
  source = "./modules/bucket"
  name   = "example-corp-media"
}

resource "aws_s3_bucket_policy" "media" {
  bucket = module.media.bucket_id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["${module.media.bucket_arn}", "${module.media.bucket_arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

# The root's bucket gets its policy from a module.
resource "aws_s3_bucket" "root" {
  bucket = "example-corp-root"
}

module "root_policy" {
  source     = "./modules/policy"
  bucket_id  = aws_s3_bucket.root.id
  bucket_arn = aws_s3_bucket.root.arn
}
