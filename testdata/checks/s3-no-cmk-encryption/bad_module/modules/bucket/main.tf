variable "name" {
  type = string
}

# Reported for module.tmp only: module.logs is covered (badly) from the root.
resource "aws_s3_bucket" "this" { # want "s3-no-cmk-encryption"
  bucket = var.name
}

output "bucket_id" {
  value = aws_s3_bucket.this.id
}
