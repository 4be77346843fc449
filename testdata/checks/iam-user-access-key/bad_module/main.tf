terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

module "ci_user" {
  source = "./modules/ci_user"
  name   = "github-actions"
}
