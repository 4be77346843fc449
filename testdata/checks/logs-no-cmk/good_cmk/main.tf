resource "aws_kms_key" "logs" {
  description         = "Log groups"
  enable_key_rotation = true
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/web"
  retention_in_days = 30
  kms_key_id        = aws_kms_key.logs.arn
}

variable "log_key" {
  type = string
}

resource "aws_cloudwatch_log_group" "unknown" {
  name       = "/app/unknown"
  kms_key_id = var.log_key
}

# Bait: a metric filter and a stream hold no key setting.
resource "aws_cloudwatch_log_stream" "app" {
  name           = "main"
  log_group_name = aws_cloudwatch_log_group.app.name
}
