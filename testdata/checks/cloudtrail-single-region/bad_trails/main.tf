variable "trail_bucket" {
  type = string
}

resource "aws_cloudtrail" "main" { # want "cloudtrail-single-region"
  name                       = "main"
  s3_bucket_name             = var.trail_bucket
  enable_log_file_validation = true
}

# An organization trail widens the accounts, not the regions.
resource "aws_cloudtrail" "org" {
  name                       = "org"
  s3_bucket_name             = var.trail_bucket
  is_organization_trail      = true
  is_multi_region_trail      = false # want "cloudtrail-single-region"
  enable_log_file_validation = true
}
