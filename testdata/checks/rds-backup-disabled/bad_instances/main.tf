variable "environment" {
  type = string
}

variable "retention_days" {
  type = map(number)
  default = {
    dev  = 0
    prod = 14
  }
}

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 0 # want "rds-backup-disabled"
}

resource "aws_db_instance" "reports" {
  identifier                  = "reports"
  engine                      = "mysql"
  instance_class              = "db.t4g.small"
  allocated_storage           = 20
  username                    = "reports"
  manage_master_user_password = true
  backup_retention_period     = var.retention_days[var.environment]
}
