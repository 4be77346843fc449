resource "aws_kms_key" "streams" {
  description         = "Kinesis streams"
  enable_key_rotation = true
}

resource "aws_kinesis_stream" "orders" {
  name            = "orders"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.streams.arn
}

# The Kinesis-owned key still encrypts the records.
resource "aws_kinesis_stream" "metrics" {
  name            = "metrics"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}

variable "encryption_type" {
  type = string
}

resource "aws_kinesis_stream" "unknown" {
  name            = "unknown"
  shard_count     = 1
  encryption_type = var.encryption_type
}

# Bait: Firehose is another service with its own settings.
resource "aws_kinesis_firehose_delivery_stream" "to_s3" {
  name        = "orders-to-s3"
  destination = "extended_s3"

  extended_s3_configuration {
    role_arn   = "arn:aws:iam::111122223333:role/firehose"
    bucket_arn = "arn:aws:s3:::orders-archive"
  }
}
