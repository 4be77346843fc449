variable "sse" {
  type = bool
}

resource "aws_sqs_queue" "decided_later" {
  name                    = "decided-later"
  sqs_managed_sse_enabled = var.sse
}

variable "key" {
  type = string
}

resource "aws_sqs_queue" "key_later" {
  name                    = "key-later"
  sqs_managed_sse_enabled = false
  kms_master_key_id       = var.key
}
