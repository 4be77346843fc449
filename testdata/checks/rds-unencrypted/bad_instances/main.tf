terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_db_instance" "orders" { # want "rds-unencrypted"
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
}

# The replica follows its source: only the source is reported.
resource "aws_db_instance" "orders_replica" {
  identifier          = "orders-replica"
  replicate_source_db = aws_db_instance.orders.identifier
  instance_class      = "db.m6g.large"
}

variable "encrypt_legacy" {
  type    = bool
  default = false
}

resource "aws_db_instance" "legacy" {
  identifier                  = "legacy"
  engine                      = "mysql"
  instance_class              = "db.t3.small"
  allocated_storage           = 20
  username                    = "legacy"
  manage_master_user_password = true
  storage_encrypted           = var.encrypt_legacy # want "rds-unencrypted"
}

resource "aws_db_instance" "tenants" { # want "rds-unencrypted" "rds-unencrypted"
  for_each                    = toset(["acme", "globex"])
  identifier                  = "tenant-${each.key}"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 20
  username                    = "tenant"
  manage_master_user_password = true
}
