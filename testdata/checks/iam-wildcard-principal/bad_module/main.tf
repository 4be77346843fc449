terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "queues" {
  type = map(object({ org_id = string }))
}

module "queue" {
  source   = "./modules/queue"
  for_each = var.queues

  name   = each.key
  org_id = each.value.org_id
}
