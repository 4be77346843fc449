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

module "uploads" {
  source = "./modules/bucket"
  name   = "example-corp-uploads"
}

# Versioning of the module's bucket, configured from the root, suspended.
resource "aws_s3_bucket_versioning" "uploads" {
  bucket = module.uploads.bucket_id

  versioning_configuration {
    status = "Suspended" # want "s3-versioning-disabled"
  }
}

module "cache" {
  source = "./modules/bucket"
  name   = "example-corp-cache"
}
