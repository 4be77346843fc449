terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "worker_actions" {
  type = list(string)
}

module "worker" {
  source  = "./modules/worker"
  actions = var.worker_actions
}
