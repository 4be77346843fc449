resource "aws_kinesis_stream" "clicks" { # want "kinesis-unencrypted"
  name             = "clicks"
  retention_period = 48

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}

variable "encryption" {
  type    = string
  default = "NONE"
}

resource "aws_kinesis_stream" "audit" {
  name            = "audit"
  shard_count     = 2
  encryption_type = var.encryption # want "kinesis-unencrypted"
}
