variable "trail_bucket" {
  type = string
}

variable "validate" {
  type = bool
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = var.trail_bucket
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

resource "aws_cloudtrail" "string_flag" {
  name                       = "string-flag"
  s3_bucket_name             = var.trail_bucket
  enable_log_file_validation = "true"
}

resource "aws_cloudtrail" "per_env" {
  name                       = "per-env"
  s3_bucket_name             = var.trail_bucket
  enable_log_file_validation = var.validate
}
