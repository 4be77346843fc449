resource "aws_kms_key" "images" {
  description         = "Container images"
  enable_key_rotation = true
}

resource "aws_ecr_repository" "api" {
  name = "api"

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.images.arn
  }
}

variable "repository_encryption" {
  type = object({
    type = string
    key  = string
  })
}

resource "aws_ecr_repository" "configured" {
  name = "configured"

  encryption_configuration {
    encryption_type = var.repository_encryption.type
    kms_key         = var.repository_encryption.key
  }
}

variable "encryption" {
  type = list(object({ type = string, key = string }))
}

resource "aws_ecr_repository" "dynamic" {
  name = "dynamic"

  dynamic "encryption_configuration" {
    for_each = var.encryption
    content {
      encryption_type = encryption_configuration.value.type
      kms_key         = encryption_configuration.value.key
    }
  }
}

# Bait: a lifecycle policy has no encryption setting.
resource "aws_ecr_lifecycle_policy" "api" {
  repository = aws_ecr_repository.api.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      selection = {
        tagStatus   = "untagged"
        countType   = "sinceImagePushed"
        countUnit   = "days"
        countNumber = 14
      }
      action = { type = "expire" }
    }]
  })
}
