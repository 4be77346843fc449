terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

module "boundary" {
  source   = "./modules/boundary"
  excluded = ["iam:CreateUser", "iam:CreateAccessKey"]
}
