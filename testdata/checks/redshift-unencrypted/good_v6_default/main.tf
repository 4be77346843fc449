terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }
}

resource "aws_redshift_cluster" "analytics" {
  cluster_identifier     = "analytics"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
}
