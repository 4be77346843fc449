terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "reporting_public" {
  type = bool
}

resource "aws_db_instance" "reporting" {
  identifier                  = "reporting"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "reporting"
  manage_master_user_password = true
  storage_encrypted           = true
  publicly_accessible         = var.reporting_public # want "rds-public"
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "orders"
  manage_master_user_password = true
  storage_encrypted           = true
}

resource "aws_rds_cluster_instance" "orders" {
  count               = 2
  identifier          = "orders-${count.index}"
  cluster_identifier  = aws_rds_cluster.orders.id
  instance_class      = "db.r6g.large"
  engine              = aws_rds_cluster.orders.engine
  publicly_accessible = true # want "rds-public" "rds-public"
}

# Bait: unset is private (the provider default is false).
resource "aws_db_instance" "internal" {
  identifier                  = "internal"
  engine                      = "mysql"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
}
