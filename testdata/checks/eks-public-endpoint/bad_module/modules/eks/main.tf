variable "name" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "api_allowed" {
  type = list(string)
}

resource "aws_iam_role" "cluster" {
  name = "${var.name}-eks"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "eks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_eks_cluster" "this" {
  name     = var.name
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids              = var.subnet_ids
    endpoint_private_access = true
    public_access_cidrs     = var.api_allowed # want "eks-public-endpoint"
  }
}
