variable "public" {
  type = bool
}

resource "aws_db_instance" "explicit" {
  identifier                  = "explicit"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  publicly_accessible         = false
}

resource "aws_db_instance" "unknown" {
  identifier                  = "unknown"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  publicly_accessible         = var.public
}

resource "aws_rds_cluster_instance" "reader" {
  identifier         = "reader"
  cluster_identifier = "orders"
  instance_class     = "db.r6g.large"
  engine             = "aurora-mysql"
}
