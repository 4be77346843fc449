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

resource "aws_s3_account_public_access_block" "this" { # want "s3-public-access-block-disabled"
  block_public_acls = true
}
