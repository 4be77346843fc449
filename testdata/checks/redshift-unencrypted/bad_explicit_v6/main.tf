terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

variable "encrypt" {
  type    = bool
  default = false
}

resource "aws_redshift_cluster" "bi" {
  cluster_identifier     = "bi"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = var.encrypt # want "redshift-unencrypted"
}

# Bait: from 6.0 unset means encrypted.
resource "aws_redshift_cluster" "internal" {
  cluster_identifier     = "internal"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
}
