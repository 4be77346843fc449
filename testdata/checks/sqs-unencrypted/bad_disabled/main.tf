resource "aws_sqs_queue" "legacy" {
  name                    = "legacy-jobs"
  sqs_managed_sse_enabled = false # want "sqs-unencrypted"
}

variable "queues" {
  type = map(object({
    sse = bool
  }))
}

resource "aws_sqs_queue" "per_service" {
  for_each = var.queues

  name                    = "svc-${each.key}"
  sqs_managed_sse_enabled = each.value.sse # want "sqs-unencrypted"
}

resource "aws_sqs_queue" "dlq" {
  name                    = "legacy-jobs-dlq.fifo"
  fifo_queue              = true
  sqs_managed_sse_enabled = "false" # want "sqs-unencrypted"
}
