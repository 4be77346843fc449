# Buckets made with for_each and hardened, or not, by the split S3
# resources of the AWS provider v4+; a bucket policy set in a local module.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "buckets" {
  type = map(object({
    versioned = bool
  }))
}

resource "aws_s3_bucket" "data" {
  for_each = var.buckets
  bucket   = "onus-plan-${each.key}"
}

resource "aws_s3_bucket_versioning" "data" {
  for_each = { for k, v in var.buckets : k => v if v.versioned }
  bucket   = aws_s3_bucket.data[each.key].id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "reports" {
  bucket                  = aws_s3_bucket.data["reports"].id
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}

module "public_read" {
  source    = "./modules/policy"
  bucket_id = aws_s3_bucket.data["site"].id
}

resource "aws_security_group" "web" {
  name = "web"

  dynamic "ingress" {
    for_each = [22, 443]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
