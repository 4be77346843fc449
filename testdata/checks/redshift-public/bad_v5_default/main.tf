terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

# Before provider 6.0 an unset publicly_accessible means true.
resource "aws_redshift_cluster" "analytics" { # want "redshift-public"
  cluster_identifier                  = "analytics"
  node_type                           = "ra3.xlplus"
  cluster_type                        = "single-node"
  database_name                       = "analytics"
  master_username                     = "admin"
  manage_master_password              = true
  encrypted                           = true
  skip_final_snapshot                 = false
  final_snapshot_identifier           = "analytics-final"
  automated_snapshot_retention_period = 7
}

resource "aws_redshift_cluster" "marketing" {
  cluster_identifier     = "marketing"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = true # want "redshift-public"
}
