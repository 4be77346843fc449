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

# The module disables ACLs on its bucket; the root's leftover ACL is inert.
module "assets" {
  source = "./modules/bucket"
  name   = "example-corp-module-assets"
}

resource "aws_s3_bucket_acl" "assets" {
  bucket = module.assets.bucket_id
  acl    = "public-read"
}

module "private" {
  source = "./modules/bucket"
  name   = "example-corp-module-private"
  acl    = "private"
}
