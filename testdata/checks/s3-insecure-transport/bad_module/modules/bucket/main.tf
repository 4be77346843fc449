variable "name" {
  type = string
}

# Reported for module.cache only: module.media has a policy (without the
# Deny, reported at the policy).
resource "aws_s3_bucket" "this" { # want "s3-insecure-transport"
  bucket = var.name
}

output "bucket_id" {
  value = aws_s3_bucket.this.id
}

output "bucket_arn" {
  value = aws_s3_bucket.this.arn
}
