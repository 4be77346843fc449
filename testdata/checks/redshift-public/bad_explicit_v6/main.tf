terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

variable "bi_vendor_access" {
  type    = bool
  default = true
}

resource "aws_redshift_cluster" "bi" {
  cluster_identifier     = "bi"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = var.bi_vendor_access # want "redshift-public"
}

# Bait: from 6.0 unset means private.
resource "aws_redshift_cluster" "internal" {
  cluster_identifier     = "internal"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
}
