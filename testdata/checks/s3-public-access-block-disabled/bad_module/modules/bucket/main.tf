variable "name" {
  type = string
}

variable "public" {
  type    = bool
  default = false
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

# Reported once, for module.public_site; module.private_data keeps all on.
resource "aws_s3_bucket_public_access_block" "this" {
  bucket = aws_s3_bucket.this.id

  block_public_acls       = true
  block_public_policy     = !var.public # want "s3-public-access-block-disabled"
  ignore_public_acls      = true
  restrict_public_buckets = !var.public # want "s3-public-access-block-disabled"
}
