variable "name" {
  type = string
}

variable "cluster_version" {
  type    = string
  default = null
}

resource "aws_eks_cluster" "this" {
  name     = var.name
  role_arn = "arn:aws:iam::111122223333:role/eks"
  version  = var.cluster_version # want "eks-outdated-version"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }
}
