variable "name" {
  type = string
}

variable "acl" {
  type    = string
  default = null
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_acl" "this" {
  count  = var.acl == null ? 0 : 1
  bucket = aws_s3_bucket.this.id
  acl    = var.acl
}

output "bucket_id" {
  value = aws_s3_bucket.this.id
}
