# The container platform, set up in a hurry and never revisited.
resource "aws_eks_cluster" "platform" {
  name     = "${local.name}-platform"
  role_arn = aws_iam_role.app.arn
  version  = "1.29"

  vpc_config {
    subnet_ids = [aws_subnet.public.id]
  }
}

# Shared uploads volume for the platform's pods.
resource "aws_efs_file_system" "uploads" {
  creation_token = "${local.name}-uploads"
}

# Order events; encryption switched off "to debug a consumer".
resource "aws_sqs_queue" "order_events" {
  name                    = "${local.name}-order-events"
  sqs_managed_sse_enabled = false
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "${local.name}-sessions"
  description          = "Session store"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 1
}

resource "aws_kms_key" "platform" {
  description = "${local.name} platform secrets"
}
