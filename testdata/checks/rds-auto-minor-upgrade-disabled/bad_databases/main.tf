resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.4"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders"
  manage_master_user_password = true
  storage_encrypted           = true
  auto_minor_version_upgrade  = false # want "rds-auto-minor-upgrade-disabled"
}

resource "aws_rds_cluster" "catalog" {
  cluster_identifier          = "catalog"
  engine                      = "aurora-postgresql"
  master_username             = "catalog"
  manage_master_user_password = true
  storage_encrypted           = true
}

locals {
  readers = 2
}

resource "aws_rds_cluster_instance" "catalog" {
  count = local.readers

  identifier                 = "catalog-${count.index}"
  cluster_identifier         = aws_rds_cluster.catalog.id
  instance_class             = "db.r6g.large"
  engine                     = aws_rds_cluster.catalog.engine
  auto_minor_version_upgrade = "false" # want "rds-auto-minor-upgrade-disabled" "rds-auto-minor-upgrade-disabled"
}

resource "aws_dms_replication_instance" "migration" {
  replication_instance_id    = "migration"
  replication_instance_class = "dms.t3.medium"
  allocated_storage          = 50
  auto_minor_version_upgrade = false # want "rds-auto-minor-upgrade-disabled"
}
