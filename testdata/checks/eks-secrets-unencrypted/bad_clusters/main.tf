resource "aws_eks_cluster" "main" { # want "eks-secrets-unencrypted"
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"
  version  = "1.33"

  vpc_config {
    subnet_ids              = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}

# An old cluster: no default envelope encryption before 1.28.
resource "aws_eks_cluster" "legacy" { # want "eks-secrets-unencrypted"
  name     = "legacy"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"
  version  = "1.27"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }
}
