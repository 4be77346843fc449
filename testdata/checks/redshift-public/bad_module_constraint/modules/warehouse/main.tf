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

resource "aws_redshift_cluster" "this" { # want "redshift-public"
  cluster_identifier     = var.name
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
}
