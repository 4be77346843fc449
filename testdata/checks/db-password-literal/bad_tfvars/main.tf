variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "app" {
  count             = 2
  identifier        = "app-${count.index}"
  engine            = "mysql"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  username          = "app"
  password          = var.db_password # want "db-password-literal" "db-password-literal"
}
