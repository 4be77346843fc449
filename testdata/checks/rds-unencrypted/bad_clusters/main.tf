resource "aws_rds_cluster" "events" { # want "rds-unencrypted"
  cluster_identifier          = "events"
  engine                      = "aurora-mysql"
  master_username             = "events"
  manage_master_user_password = true
}

resource "aws_rds_cluster_instance" "events" {
  count              = 2
  identifier         = "events-${count.index}"
  cluster_identifier = aws_rds_cluster.events.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.events.engine
}

# A Multi-AZ DB cluster (non-Aurora) with encryption turned off.
resource "aws_rds_cluster" "ledger" {
  cluster_identifier          = "ledger"
  engine                      = "postgres"
  db_cluster_instance_class   = "db.m6gd.large"
  storage_type                = "io1"
  allocated_storage           = 100
  iops                        = 1000
  master_username             = "ledger"
  manage_master_user_password = true
  storage_encrypted           = false # want "rds-unencrypted"
}

# Restored from a snapshot but explicitly unencrypted.
resource "aws_rds_cluster" "restored" {
  cluster_identifier  = "restored"
  engine              = "aurora-postgresql"
  snapshot_identifier = "arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:nightly"
  storage_encrypted   = false # want "rds-unencrypted"
}
