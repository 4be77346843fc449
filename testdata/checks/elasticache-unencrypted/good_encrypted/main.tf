resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "Session store"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  kms_key_id                 = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_elasticache_replication_group" "valkey" {
  replication_group_id       = "leaderboard"
  description                = "Leaderboard"
  engine                     = "valkey"
  node_type                  = "cache.t4g.small"
  transit_encryption_enabled = true
}

# A read replica of the group above: judged with its group.
resource "aws_elasticache_cluster" "replica" {
  cluster_id           = "sessions-replica"
  replication_group_id = aws_elasticache_replication_group.sessions.id
}

resource "aws_elasticache_global_replication_group" "sessions" {
  global_replication_group_id_suffix = "sessions"
  primary_replication_group_id       = aws_elasticache_replication_group.sessions.id
}

# A secondary of a global datastore inherits its encryption settings.
resource "aws_elasticache_replication_group" "secondary" {
  replication_group_id        = "sessions-eu"
  description                 = "Secondary region"
  global_replication_group_id = aws_elasticache_global_replication_group.sessions.global_replication_group_id
  num_cache_clusters          = 1
}

# Serverless caches are always encrypted: not read at all.
resource "aws_elasticache_serverless_cache" "api" {
  engine = "valkey"
  name   = "api"
}

variable "engine" {
  type = string
}

variable "tls" {
  type = bool
}

resource "aws_elasticache_replication_group" "unknown" {
  replication_group_id       = "unknown"
  description                = "Decided by the pipeline"
  engine                     = var.engine
  node_type                  = "cache.t4g.small"
  transit_encryption_enabled = var.tls
}

resource "aws_elasticache_cluster" "memcached_tls" {
  cluster_id                 = "fragments"
  engine                     = "memcached"
  node_type                  = "cache.t4g.micro"
  num_cache_nodes            = 2
  transit_encryption_enabled = true
}
