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

module "logs" {
  source = "./modules/bucket"
  name   = "example-corp-logs"
}

# The module's bucket is encrypted from the root, with SSE-S3 only.
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = module.logs.bucket_id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256" # want "s3-no-cmk-encryption"
    }
  }
}

module "tmp" {
  source = "./modules/bucket"
  name   = "example-corp-tmp"
}
