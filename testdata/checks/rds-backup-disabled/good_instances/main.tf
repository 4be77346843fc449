variable "backup_days" {
  type = number
}

# Unset: the API default keeps one day of backups.
resource "aws_db_instance" "default" {
  identifier                  = "default"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
}

resource "aws_db_instance" "prod" {
  identifier                  = "prod"
  engine                      = "postgres"
  instance_class              = "db.r6g.large"
  allocated_storage           = 200
  username                    = "app"
  manage_master_user_password = true
  backup_retention_period     = 14
}

resource "aws_db_instance" "per_env" {
  identifier                  = "per-env"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  backup_retention_period     = var.backup_days
}

# A read replica: its data is backed up at the source.
resource "aws_db_instance" "replica" {
  identifier              = "prod-replica"
  replicate_source_db     = aws_db_instance.prod.identifier
  instance_class          = "db.r6g.large"
  backup_retention_period = 0
  skip_final_snapshot     = true
}

# Aurora clusters cannot turn backups off (1 to 35 days).
resource "aws_rds_cluster" "aurora" {
  cluster_identifier          = "aurora"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  backup_retention_period     = 7
}
