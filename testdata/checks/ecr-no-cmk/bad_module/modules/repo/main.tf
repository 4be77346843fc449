variable "name" {
  type = string
}

variable "kms_key" {
  type    = string
  default = null
}

resource "aws_ecr_repository" "this" {
  name = var.name

  encryption_configuration {
    encryption_type = "KMS" # want "ecr-no-cmk" "ecr-no-cmk"
    kms_key         = var.kms_key
  }
}
