terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "roles" {
  type = map(object({
    actions   = list(string)
    resources = list(string)
  }))
}

module "service_role" {
  source   = "./modules/service_role"
  for_each = var.roles

  name      = each.key
  actions   = each.value.actions
  resources = each.value.resources
}
