# The constraint admits 6.x, but the lock file pins 5.100.0.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

resource "aws_redshift_cluster" "pinned" { # want "redshift-unencrypted"
  cluster_identifier     = "pinned"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = false
}
