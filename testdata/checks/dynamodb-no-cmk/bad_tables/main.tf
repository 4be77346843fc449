# No server_side_encryption: encrypted with an AWS-owned key.
resource "aws_dynamodb_table" "sessions" { # want "dynamodb-no-cmk"
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_dynamodb_table" "carts" {
  name         = "carts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled = false # want "dynamodb-no-cmk"
  }
}

# enabled = true alone: the AWS-managed aws/dynamodb key.
resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled = true # want "dynamodb-no-cmk"
  }
}

resource "aws_dynamodb_table" "invoices" {
  name         = "invoices"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:alias/aws/dynamodb" # want "dynamodb-no-cmk"
  }
}
