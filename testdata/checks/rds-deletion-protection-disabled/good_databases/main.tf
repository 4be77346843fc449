variable "protect" {
  type = bool
}

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders"
  manage_master_user_password = true
  deletion_protection         = true
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier          = "ledger"
  engine                      = "aurora-postgresql"
  master_username             = "ledger"
  manage_master_user_password = true
  deletion_protection         = true
}

resource "aws_rds_cluster_instance" "ledger" {
  identifier         = "ledger-0"
  cluster_identifier = aws_rds_cluster.ledger.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.ledger.engine
}

resource "aws_db_instance" "per_env" {
  identifier                  = "per-env"
  engine                      = "mysql"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  deletion_protection         = var.protect
}
