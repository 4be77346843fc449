variable "name" {
  type = string
}

# Reported for module.cache only.
resource "aws_s3_bucket" "this" { # want "s3-versioning-disabled"
  bucket = var.name
}

output "bucket_id" {
  value = aws_s3_bucket.this.id
}
