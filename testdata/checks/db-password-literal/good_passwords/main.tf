variable "db_password" {
  type        = string
  sensitive   = true
  description = "Passed in by the pipeline from the vault; no default."
}

resource "random_password" "ledger" {
  length  = 32
  special = false
}

data "aws_ssm_parameter" "warehouse" {
  name = "/warehouse/admin-password"
}

resource "aws_db_instance" "managed" {
  identifier                  = "managed"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders"
  manage_master_user_password = true
}

resource "aws_db_instance" "from_pipeline" {
  identifier        = "from-pipeline"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  username          = "orders"
  password          = var.db_password
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier = "ledger"
  engine             = "aurora-postgresql"
  master_username    = "ledger"
  master_password    = random_password.ledger.result
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  master_username    = "admin"
  master_password    = data.aws_ssm_parameter.warehouse.value
  encrypted          = true
}

resource "aws_redshift_cluster" "managed" {
  cluster_identifier     = "managed"
  node_type              = "ra3.xlplus"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = true
}

# A replica takes its password from the source.
resource "aws_db_instance" "replica" {
  identifier          = "managed-replica"
  replicate_source_db = aws_db_instance.managed.identifier
  instance_class      = "db.t4g.medium"
  skip_final_snapshot = true
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session cache"
  node_type                  = "cache.t4g.small"
  transit_encryption_enabled = true
  auth_token                 = random_password.ledger.result
}
