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

module "public_site" {
  source = "./modules/bucket"
  name   = "example-corp-public-site"
  public = true
}

module "private_data" {
  source = "./modules/bucket"
  name   = "example-corp-private-data"
  public = false
}
