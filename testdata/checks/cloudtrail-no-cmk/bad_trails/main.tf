resource "aws_cloudtrail" "org" { # want "cloudtrail-no-cmk"
  name                          = "org-trail"
  s3_bucket_name                = "acme-cloudtrail-logs"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
}

variable "trail_key" {
  type    = string
  default = ""
}

resource "aws_cloudtrail" "data_events" {
  name           = "data-events"
  s3_bucket_name = "acme-cloudtrail-logs"
  kms_key_id     = var.trail_key # want "cloudtrail-no-cmk"

  event_selector {
    read_write_type           = "All"
    include_management_events = false

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}
