variable "region" {
  type        = string
  description = "AWS region to deploy into."
}

variable "environment" {
  type    = string
  default = "dev"
}

locals {
  name = "shop-${var.environment}"
  tags = {
    Project     = "shop"
    Environment = var.environment
  }
}
