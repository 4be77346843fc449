terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

module "admin_role" {
  source = "./modules/role"
  name   = "platform-admin"
  policy_arns = [
    "arn:aws:iam::aws:policy/AdministratorAccess",
  ]
}
