variable "name" {
  type = string
}

variable "protect" {
  type = bool
}

resource "aws_db_instance" "this" {
  identifier                  = "tenant-${var.name}"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  deletion_protection         = var.protect # want "rds-deletion-protection-disabled" "rds-deletion-protection-disabled"
}
