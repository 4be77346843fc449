# The constraint still admits 5.x, but the lock file pins 6.2.0, where an
# unset encrypted means true.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

resource "aws_redshift_cluster" "pinned" {
  cluster_identifier     = "pinned"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = false
}
