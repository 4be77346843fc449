resource "aws_sns_topic" "orders" { # want "sns-unencrypted"
  name = "orders"
}

resource "aws_sns_topic" "alerts" {
  name              = "alerts.fifo"
  fifo_topic        = true
  kms_master_key_id = "" # want "sns-unencrypted"
}

variable "topic_keys" {
  type    = map(string)
  default = {}
}

locals {
  topics = toset(["billing", "shipping"])
}

# No key in the map for either topic: lookup() falls back to null.
resource "aws_sns_topic" "events" { # want "sns-unencrypted" "sns-unencrypted"
  for_each = local.topics

  name              = "events-${each.key}"
  kms_master_key_id = lookup(var.topic_keys, each.key, null)
}

# Bait: a subscription has nothing to encrypt.
resource "aws_sns_topic_subscription" "orders" {
  topic_arn = aws_sns_topic.orders.arn
  protocol  = "sqs"
  endpoint  = "arn:aws:sqs:eu-west-1:111122223333:orders"
}
