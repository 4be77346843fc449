resource "aws_kms_key" "db" {
  description         = "database storage"
  enable_key_rotation = true
}

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.db.arn
}

resource "aws_rds_cluster" "events" {
  cluster_identifier          = "events"
  engine                      = "aurora-mysql"
  master_username             = "events"
  manage_master_user_password = true
  storage_encrypted           = true
}

# Aurora Serverless v1 clusters are encrypted by default.
resource "aws_rds_cluster" "serverless" {
  cluster_identifier          = "serverless"
  engine                      = "aurora-postgresql"
  engine_mode                 = "serverless"
  master_username             = "app"
  manage_master_user_password = true
}

variable "encrypted" {
  type = bool
}

resource "aws_db_instance" "unknown" {
  identifier                  = "unknown"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = var.encrypted
}
