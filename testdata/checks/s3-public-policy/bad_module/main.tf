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

module "site" {
  source = "./modules/bucket"
  name   = "example-corp-site"
}

# The bucket is in the module, its public policy in the root.
resource "aws_s3_bucket_policy" "site" {
  bucket = module.site.bucket_id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*" # want "s3-public-policy"
      Action    = "s3:GetObject"
      Resource  = "${module.site.bucket_arn}/*"
    }]
  })
}

module "locked" {
  source   = "./modules/bucket"
  name     = "example-corp-locked"
  restrict = true
}

resource "aws_s3_bucket_policy" "locked" {
  bucket = module.locked.bucket_id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${module.locked.bucket_arn}/*"
    }]
  })
}
