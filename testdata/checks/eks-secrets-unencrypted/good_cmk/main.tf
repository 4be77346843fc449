resource "aws_kms_key" "eks" {
  description         = "EKS secrets"
  enable_key_rotation = true
}

resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"
  version  = "1.33"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }

  encryption_config {
    resources = ["secrets"]

    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}

variable "encryption" {
  type = list(object({ key_arn = string }))
}

resource "aws_eks_cluster" "configured" {
  name     = "configured"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }

  dynamic "encryption_config" {
    for_each = var.encryption
    content {
      resources = ["secrets"]
      provider {
        key_arn = encryption_config.value.key_arn
      }
    }
  }
}

variable "resources" {
  type = list(string)
}

resource "aws_eks_cluster" "unknown_resources" {
  name     = "unknown-resources"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }

  encryption_config {
    resources = var.resources

    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}
