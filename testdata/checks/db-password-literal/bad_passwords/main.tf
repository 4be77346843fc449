variable "warehouse_password" {
  type      = string
  sensitive = true
  default   = "Warehouse#2024"
}

locals {
  docs_password = "docdb-${"s3cr3t"}-pw"
}

resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  username          = "orders"
  password          = "Sup3rSecretPassw0rd!" # want "db-password-literal"
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier = "ledger"
  engine             = "aurora-postgresql"
  master_username    = "ledger"
  master_password_wo = "ledger-pw-in-code" # want "db-password-literal"
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  master_username    = "admin"
  master_password    = var.warehouse_password # want "db-password-literal"
  encrypted          = true
}

resource "aws_docdb_cluster" "catalog" {
  cluster_identifier = "catalog"
  engine             = "docdb"
  master_username    = "catalog"
  master_password    = local.docs_password # want "db-password-literal"
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session cache"
  node_type                  = "cache.t4g.small"
  transit_encryption_enabled = true
  auth_token                 = "redis-auth-token-0123456789" # want "db-password-literal"
}
