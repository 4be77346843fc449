variable "backup_days" {
  type = number
}

resource "aws_db_instance" "app" {
  identifier                  = "app"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  backup_retention_period     = var.backup_days # want "rds-backup-disabled"
}
