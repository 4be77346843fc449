# Secrets written in the configuration: a plan scan beside the HCL must mask
# them in its source lines exactly as the HCL scan does.
resource "aws_db_instance" "app" {
  identifier                 = "app"
  engine                     = "postgres"
  instance_class             = "db.t3.micro"
  allocated_storage          = 20
  username                   = "app"
  password                   = "Wq7vLx2Rt9pZk4Nm"
  storage_encrypted          = true
  backup_retention_period    = 7
  deletion_protection        = true
  auto_minor_version_upgrade = true
  skip_final_snapshot        = true
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::111122223333:role/api"
  runtime       = "python3.12"
  handler       = "main.handler"
  filename      = "api.zip"

  environment {
    variables = {
      API_TOKEN = "tok_9fH2kQ7wLm3xZp8R"
    }
  }
}
