# No version constraint and no lock file: Terraform installs the newest
# provider, 6.x, whose default is encrypted.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_redshift_cluster" "analytics" {
  cluster_identifier     = "analytics"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
}
