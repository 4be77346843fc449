resource "aws_db_instance" "orders" { # want "rds-deletion-protection-disabled"
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders"
  manage_master_user_password = true
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier          = "ledger"
  engine                      = "aurora-postgresql"
  master_username             = "ledger"
  manage_master_user_password = true
  deletion_protection         = false # want "rds-deletion-protection-disabled"
}

# Cluster instances have no deletion_protection: the cluster decides.
resource "aws_rds_cluster_instance" "ledger" {
  count              = 2
  identifier         = "ledger-${count.index}"
  cluster_identifier = aws_rds_cluster.ledger.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.ledger.engine
}
