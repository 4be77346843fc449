variable "name" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "secrets_key_arn" {
  type    = string
  default = ""
}

resource "aws_eks_cluster" "this" { # want "eks-secrets-unencrypted"
  name     = var.name
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids = var.subnet_ids
  }

  dynamic "encryption_config" {
    for_each = var.secrets_key_arn == "" ? [] : [var.secrets_key_arn]
    content {
      resources = ["secrets"]
      provider {
        key_arn = encryption_config.value
      }
    }
  }
}
