terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 4.0, < 6.0"
    }
  }
}

variable "name" {
  type = string
}

variable "kms_key_arn" {
  type    = string
  default = null
}

resource "aws_redshift_cluster" "this" { # want "redshift-unencrypted"
  cluster_identifier     = var.name
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = false
  kms_key_id             = var.kms_key_arn
}
