variable "region" {
  type        = string
  description = "AWS region to deploy into."
}

variable "environment" {
  type    = string
  default = "dev"
}

variable "admin_cidrs" {
  type        = list(string)
  description = "Networks allowed to reach the bastion over SSH."
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "teams" {
  type    = set(string)
  default = ["analytics", "billing"]
}

locals {
  name = "shop-${var.environment}"
  tags = {
    Project     = "shop"
    Environment = var.environment
  }
}
