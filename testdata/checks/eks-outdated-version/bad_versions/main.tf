# The fixtures run as of 2026-06-01.
resource "aws_eks_cluster" "platform" {
  name     = "platform"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  version  = "1.31" # want "eks-outdated-version"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }
}

# Past the end of extended support too (2026-03-23).
resource "aws_eks_cluster" "legacy" {
  name     = "legacy"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  version  = "1.29" # want "eks-outdated-version"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }
}

# Older than the calendar itself.
resource "aws_eks_cluster" "forgotten" {
  name     = "forgotten"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  version  = "1.21" # want "eks-outdated-version"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }
}

variable "k8s_version" {
  type    = string
  default = "1.32"
}

resource "aws_eks_cluster" "from_var" {
  name     = "from-var"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  version  = var.k8s_version # want "eks-outdated-version"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }
}
