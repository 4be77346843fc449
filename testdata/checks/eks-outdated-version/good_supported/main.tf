# Standard support until 2026-07-29, after the 2026-06-01 scan date.
resource "aws_eks_cluster" "platform" {
  name     = "platform"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  version  = "1.33"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }
}

# No version: EKS creates the cluster on its default version.
resource "aws_eks_cluster" "latest" {
  name     = "latest"
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }
}

variable "k8s_version" {
  type = string
}

resource "aws_eks_cluster" "unknown" {
  name     = "unknown"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  version  = var.k8s_version

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }
}

# Newer than the calendar: not judged.
resource "aws_eks_cluster" "next" {
  name     = "next"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  version  = "1.36"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }
}

# Bait: node groups follow the cluster; their version is not read.
resource "aws_eks_node_group" "default" {
  cluster_name    = aws_eks_cluster.platform.name
  node_group_name = "default"
  node_role_arn   = "arn:aws:iam::111122223333:role/nodes"
  subnet_ids      = ["subnet-0123456789abcdef0"]
  version         = "1.29"

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}
