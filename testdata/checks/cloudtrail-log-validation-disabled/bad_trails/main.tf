variable "trail_bucket" {
  type = string
}

variable "validate_logs" {
  type    = bool
  default = false
}

resource "aws_cloudtrail" "main" { # want "cloudtrail-log-validation-disabled"
  name                          = "main"
  s3_bucket_name                = var.trail_bucket
  is_multi_region_trail         = true
  include_global_service_events = true
}

resource "aws_cloudtrail" "data_events" {
  name                       = "data-events"
  s3_bucket_name             = var.trail_bucket
  is_multi_region_trail      = true
  enable_log_file_validation = var.validate_logs # want "cloudtrail-log-validation-disabled"

  event_selector {
    read_write_type           = "All"
    include_management_events = false

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}
