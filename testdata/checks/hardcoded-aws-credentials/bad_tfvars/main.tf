variable "aws_access_key" {
  type = string
}

variable "aws_secret_key" {
  type      = string
  sensitive = true
}

provider "aws" {
  region     = "us-east-1"
  access_key = var.aws_access_key # want "hardcoded-aws-credentials"
  secret_key = var.aws_secret_key # want "hardcoded-aws-credentials"
}

resource "aws_s3_bucket" "reports" {
  bucket = "shop-reports"
}
