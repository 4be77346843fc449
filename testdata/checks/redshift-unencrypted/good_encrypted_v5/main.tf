terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.31.0"
    }
  }
}

resource "aws_kms_key" "warehouse" {
  description         = "Redshift"
  enable_key_rotation = true
}

resource "aws_redshift_cluster" "analytics" {
  cluster_identifier     = "analytics"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = true
  kms_key_id             = aws_kms_key.warehouse.arn
}

# A key alone says the cluster is meant to be encrypted.
resource "aws_redshift_cluster" "keyed" {
  cluster_identifier     = "keyed"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  kms_key_id             = aws_kms_key.warehouse.arn
}

variable "encrypted" {
  type = bool
}

resource "aws_redshift_cluster" "unknown" {
  cluster_identifier     = "unknown"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = var.encrypted
}
