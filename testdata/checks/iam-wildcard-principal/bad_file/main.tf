terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_kms_key" "shared" {
  description         = "shared"
  enable_key_rotation = true
  policy              = file("${path.module}/policies/key.json") # want "iam-wildcard-principal"
}
