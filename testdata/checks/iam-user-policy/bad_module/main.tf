terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "people" {
  type = list(string)
}

module "user" {
  source   = "./modules/user"
  for_each = toset(var.people)
  name     = each.value
}
