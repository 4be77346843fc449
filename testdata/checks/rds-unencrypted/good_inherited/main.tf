# Encryption that comes from a source the configuration does not show.

resource "aws_db_instance" "from_snapshot" {
  identifier          = "from-snapshot"
  snapshot_identifier = "rds:orders-2026-11-30-03-10"
  instance_class      = "db.m6g.large"
}

resource "aws_db_instance" "cross_region_replica" {
  identifier          = "orders-dr"
  replicate_source_db = "arn:aws:rds:eu-west-1:123456789012:db:orders"
  instance_class      = "db.m6g.large"
  kms_key_id          = "arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_db_instance" "pitr" {
  identifier     = "orders-pitr"
  instance_class = "db.m6g.large"

  restore_to_point_in_time {
    source_db_instance_identifier = "orders"
    use_latest_restorable_time    = true
  }
}

resource "aws_rds_cluster" "from_snapshot" {
  cluster_identifier  = "events-restored"
  engine              = "aurora-mysql"
  snapshot_identifier = "arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:events-nightly"
}

resource "aws_rds_cluster" "clone" {
  cluster_identifier = "events-clone"
  engine             = "aurora-mysql"

  restore_to_point_in_time {
    source_cluster_identifier  = "events"
    restore_type               = "copy-on-write"
    use_latest_restorable_time = true
  }
}

resource "aws_rds_global_cluster" "global" {
  global_cluster_identifier = "events-global"
  engine                    = "aurora-mysql"
  storage_encrypted         = true
}

resource "aws_rds_cluster" "secondary" {
  cluster_identifier        = "events-secondary"
  engine                    = "aurora-mysql"
  global_cluster_identifier = aws_rds_global_cluster.global.id
}
