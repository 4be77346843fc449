variable "bucket" {
  type = string
}

variable "acl" {
  type    = string
  default = "private"
}

resource "aws_s3_bucket_acl" "this" {
  bucket = var.bucket
  acl    = var.acl # want "s3-public-acl"
}
