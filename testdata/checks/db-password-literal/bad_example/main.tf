resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  username          = "orders"
  password          = "Sup3rSecretPassw0rd!" # want "db-password-literal"
  storage_encrypted = true
}
