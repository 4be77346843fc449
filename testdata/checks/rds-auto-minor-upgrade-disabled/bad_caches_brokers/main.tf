resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "Session store"
  node_type                  = "cache.t4g.small"
  engine_version             = "7.1"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auto_minor_version_upgrade = "false" # want "rds-auto-minor-upgrade-disabled"
}

resource "aws_elasticache_cluster" "cache" {
  cluster_id                 = "cache"
  engine                     = "redis"
  node_type                  = "cache.t4g.micro"
  num_cache_nodes            = 1
  auto_minor_version_upgrade = "false" # want "rds-auto-minor-upgrade-disabled"
}

# The provider sends false for Amazon MQ when the argument is missing.
resource "aws_mq_broker" "events" { # want "rds-auto-minor-upgrade-disabled"
  broker_name        = "events"
  engine_type        = "ActiveMQ"
  engine_version     = "5.17.6"
  host_instance_type = "mq.t3.micro"

  user {
    username = "app"
    password = var.broker_password
  }
}

resource "aws_mq_broker" "jobs" {
  broker_name                = "jobs"
  engine_type                = "RabbitMQ"
  engine_version             = "3.12.13"
  host_instance_type         = "mq.t3.micro"
  auto_minor_version_upgrade = false # want "rds-auto-minor-upgrade-disabled"

  user {
    username = "app"
    password = var.broker_password
  }
}

variable "broker_password" {
  type      = string
  sensitive = true
}
