# No encryption arguments: SQS applies SSE-SQS to new queues by default.
resource "aws_sqs_queue" "jobs" {
  name                      = "jobs"
  message_retention_seconds = 86400
}

resource "aws_sqs_queue" "explicit" {
  name                    = "explicit"
  sqs_managed_sse_enabled = true
}

resource "aws_kms_key" "queues" {
  description         = "Queue messages"
  enable_key_rotation = true
}

# Bait: SSE-SQS off, but SSE-KMS with a customer-managed key takes over.
resource "aws_sqs_queue" "kms" {
  name                              = "kms"
  sqs_managed_sse_enabled           = false
  kms_master_key_id                 = aws_kms_key.queues.arn
  kms_data_key_reuse_period_seconds = 300
}

resource "aws_sqs_queue" "aws_managed" {
  name              = "aws-managed"
  kms_master_key_id = "alias/aws/sqs"
}
