# Missing arguments default to true everywhere but Amazon MQ.
resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders"
  manage_master_user_password = true
}

resource "aws_rds_cluster" "catalog" {
  cluster_identifier          = "catalog"
  engine                      = "aurora-postgresql"
  master_username             = "catalog"
  manage_master_user_password = true
}

resource "aws_rds_cluster_instance" "catalog" {
  identifier         = "catalog-0"
  cluster_identifier = aws_rds_cluster.catalog.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.catalog.engine
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "Session store"
  node_type            = "cache.t4g.small"
}

resource "aws_dms_replication_instance" "migration" {
  replication_instance_id    = "migration"
  replication_instance_class = "dms.t3.medium"
}

resource "aws_mq_broker" "events" {
  broker_name                = "events"
  engine_type                = "RabbitMQ"
  engine_version             = "3.13"
  host_instance_type         = "mq.t3.micro"
  auto_minor_version_upgrade = true

  user {
    username = "app"
    password = var.broker_password
  }
}

variable "broker_password" {
  type      = string
  sensitive = true
}

# Memcached clusters have no automatic minor upgrades to turn off.
resource "aws_elasticache_cluster" "fragments" {
  cluster_id                 = "fragments"
  engine                     = "memcached"
  node_type                  = "cache.t4g.micro"
  num_cache_nodes            = 2
  auto_minor_version_upgrade = "false"
}

variable "auto_upgrades" {
  type = bool
}

resource "aws_db_instance" "unknown" {
  identifier                  = "unknown"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  auto_minor_version_upgrade  = var.auto_upgrades
}
