terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

# Before provider 6.0 an unset encrypted means false.
resource "aws_redshift_cluster" "analytics" { # want "redshift-unencrypted"
  cluster_identifier     = "analytics"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = false
}

# Bait: restored from a snapshot, it takes the snapshot's encryption.
resource "aws_redshift_cluster" "restored" {
  cluster_identifier     = "restored"
  snapshot_identifier    = "analytics-2026-05-01"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  manage_master_password = true
  publicly_accessible    = false
}
