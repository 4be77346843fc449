resource "aws_kms_key" "tables" {
  description         = "DynamoDB tables"
  enable_key_rotation = true
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.tables.arn
  }
}

variable "table_sse" {
  type = bool
}

resource "aws_dynamodb_table" "unknown" {
  name         = "unknown"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled = var.table_sse
  }
}

variable "sse" {
  type = list(object({ key = string }))
}

resource "aws_dynamodb_table" "dynamic" {
  name         = "dynamic"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  dynamic "server_side_encryption" {
    for_each = var.sse
    content {
      enabled     = true
      kms_key_arn = server_side_encryption.value.key
    }
  }
}
