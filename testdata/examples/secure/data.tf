# Order events and their state. SQS encrypts new queues with SSE-SQS by
# default; the topic and the table use the application's own key.
resource "aws_sqs_queue" "order_events" {
  name                      = "${local.name}-order-events"
  message_retention_seconds = 345600
}

resource "aws_sns_topic" "order_events" {
  name              = "${local.name}-order-events"
  kms_master_key_id = aws_kms_key.data.arn
}

resource "aws_dynamodb_table" "orders" {
  name         = "${local.name}-orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "order_id"

  attribute {
    name = "order_id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }
}
