# A standalone Redis OSS cluster cannot be encrypted at rest at all.
resource "aws_elasticache_cluster" "cache" { # want "elasticache-unencrypted"
  cluster_id           = "cache"
  engine               = "redis" # want "elasticache-unencrypted"
  node_type            = "cache.t4g.micro"
  num_cache_nodes      = 1
  parameter_group_name = "default.redis7"
}

resource "aws_elasticache_cluster" "memcached" {
  cluster_id                 = "fragments"
  engine                     = "memcached"
  engine_version             = "1.6.22"
  node_type                  = "cache.t4g.micro"
  num_cache_nodes            = 2
  transit_encryption_enabled = false # want "elasticache-unencrypted"
}
