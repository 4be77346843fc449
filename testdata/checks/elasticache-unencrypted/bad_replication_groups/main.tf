# The redis engine (the default) leaves both encryptions off.
resource "aws_elasticache_replication_group" "sessions" { # want "elasticache-unencrypted" "elasticache-unencrypted"
  replication_group_id = "sessions"
  description          = "Session store"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  engine_version       = "7.1"
}

resource "aws_elasticache_replication_group" "queue" {
  replication_group_id       = "queue"
  description                = "Job queue"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = "false" # want "elasticache-unencrypted"
  transit_encryption_enabled = false   # want "elasticache-unencrypted"
}

# Valkey encrypts at rest by default, but not in transit.
resource "aws_elasticache_replication_group" "valkey" { # want "elasticache-unencrypted"
  replication_group_id = "leaderboard"
  description          = "Leaderboard"
  engine               = "valkey"
  engine_version       = "8.0"
  node_type            = "cache.t4g.small"
}

variable "tls" {
  type    = bool
  default = false
}

resource "aws_elasticache_replication_group" "from_var" {
  replication_group_id       = "from-var"
  description                = "TLS from a variable"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = var.tls # want "elasticache-unencrypted"
}
