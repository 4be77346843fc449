variable "name" {
  type = string
}

variable "auto_upgrades" {
  type    = bool
  default = true
}

resource "aws_db_instance" "this" {
  identifier                  = var.name
  engine                      = "mysql"
  engine_version              = "8.0"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "admin"
  manage_master_user_password = true
  storage_encrypted           = true
  auto_minor_version_upgrade  = var.auto_upgrades # want "rds-auto-minor-upgrade-disabled"
}
