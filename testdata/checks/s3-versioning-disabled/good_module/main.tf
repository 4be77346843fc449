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

resource "aws_s3_bucket" "root" {
  bucket = "example-corp-root"
}

module "root_versioning" {
  source = "./modules/versioning"
  bucket = aws_s3_bucket.root.id
}
