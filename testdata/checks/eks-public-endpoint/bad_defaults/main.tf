terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "subnet_ids" {
  type = list(string)
}

variable "cluster_role_arn" {
  type = string
}

# Nothing set: public endpoint, open to 0.0.0.0/0.
resource "aws_eks_cluster" "dev" {
  name     = "dev"
  role_arn = var.cluster_role_arn

  vpc_config { # want "eks-public-endpoint"
    subnet_ids = var.subnet_ids
  }
}

resource "aws_eks_cluster" "staging" {
  name     = "staging"
  role_arn = var.cluster_role_arn

  vpc_config {
    subnet_ids              = var.subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = true # want "eks-public-endpoint"
  }
}

resource "aws_eks_cluster" "prod" {
  name     = "prod"
  role_arn = var.cluster_role_arn

  vpc_config {
    subnet_ids          = var.subnet_ids
    public_access_cidrs = ["0.0.0.0/0"] # want "eks-public-endpoint"
  }
}
