# aws_rds_cluster has auto_minor_version_upgrade only in 6.x releases of the
# provider.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.10"
    }
  }
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier          = "ledger"
  engine                      = "postgres"
  db_cluster_instance_class   = "db.m6gd.large"
  allocated_storage           = 100
  storage_type                = "io1"
  iops                        = 1000
  master_username             = "ledger"
  manage_master_user_password = true
  storage_encrypted           = true
  auto_minor_version_upgrade  = false # want "rds-auto-minor-upgrade-disabled"
}

# Bait: unset, the API applies minor upgrades automatically.
resource "aws_rds_cluster" "catalog" {
  cluster_identifier          = "catalog"
  engine                      = "aurora-postgresql"
  master_username             = "catalog"
  manage_master_user_password = true
  storage_encrypted           = true
}
