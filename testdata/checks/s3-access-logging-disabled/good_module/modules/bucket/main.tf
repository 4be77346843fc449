variable "name" {
  type = string
}

variable "log_bucket" {
  type    = string
  default = null
}

# A plan-time switch: the log bucket id is only known after apply.
variable "logging" {
  type    = bool
  default = false
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_logging" "this" {
  count         = var.logging ? 1 : 0
  bucket        = aws_s3_bucket.this.id
  target_bucket = var.log_bucket
  target_prefix = "${var.name}/"
}

output "bucket_id" {
  value = aws_s3_bucket.this.id
}
