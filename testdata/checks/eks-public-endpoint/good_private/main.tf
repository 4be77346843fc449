variable "subnet_ids" {
  type = list(string)
}

variable "cluster_role_arn" {
  type = string
}

variable "office_cidrs" {
  type = list(string)
}

resource "aws_eks_cluster" "private" {
  name     = "private"
  role_arn = var.cluster_role_arn

  vpc_config {
    subnet_ids              = var.subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}

resource "aws_eks_cluster" "office" {
  name     = "office"
  role_arn = var.cluster_role_arn

  vpc_config {
    subnet_ids          = var.subnet_ids
    public_access_cidrs = ["203.0.113.0/24", "198.51.100.0/24"]
  }
}

resource "aws_eks_cluster" "unknown" {
  name     = "unknown"
  role_arn = var.cluster_role_arn

  vpc_config {
    subnet_ids          = var.subnet_ids
    public_access_cidrs = var.office_cidrs
  }
}
