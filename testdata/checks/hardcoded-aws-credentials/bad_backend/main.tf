terraform {
  backend "s3" {
    bucket     = "shop-terraform-state"
    key        = "network/terraform.tfstate"
    region     = "eu-west-1"
    access_key = "AKIAONUSFAKEKEY00004"                     # want "hardcoded-aws-credentials"
    secret_key = "onusFakeSecretKeyForTestsOnly00000000003" # want "hardcoded-aws-credentials"
  }
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
