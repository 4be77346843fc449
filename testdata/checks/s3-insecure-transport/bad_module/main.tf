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

module "media" {
  source = "./modules/bucket"
  name   = "example-corp-media"
}

# Policy from the root for the module's bucket, without the Deny.
resource "aws_s3_bucket_policy" "media" {
  bucket = module.media.bucket_id
  policy = data.aws_iam_policy_document.media.json # want "s3-insecure-transport"
}

data "aws_iam_policy_document" "media" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${module.media.bucket_arn}/*"]

    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = ["arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE"]
    }
  }
}

module "cache" {
  source = "./modules/bucket"
  name   = "example-corp-cache"
}
