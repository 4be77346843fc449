# Values Terraform cannot know until apply, set by the configuration, give
# no finding; arguments the configuration leaves out are judged by the
# provider's default even where the plan marks them unknown because the
# provider computes them (aws_s3_bucket.versioning).
resource "aws_eip" "bastion" {
  domain = "vpc"
}

resource "aws_security_group" "admin" {
  name = "admin"

  ingress {
    description = "SSH from the bastion's own address only"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["${aws_eip.bastion.public_ip}/32"]
  }
}

resource "aws_kms_key" "db" {
  description         = "orders database"
  enable_key_rotation = true
}

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "orders"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.db.arn
  publicly_accessible         = false
  backup_retention_period     = 7
  deletion_protection         = true
  skip_final_snapshot         = true
}

resource "aws_s3_bucket" "logs" {
  bucket = "onus-plan-logs"
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "us-east-1a"
  size              = 10
  encrypted         = "false"
}
