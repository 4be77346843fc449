# The root says nothing about the provider version; the child module caps it
# below 6.0, so Terraform installs a 5.x provider for the whole configuration.
module "warehouse" {
  source = "./modules/warehouse"
  name   = "warehouse"
}

resource "aws_redshift_cluster" "scratch" { # want "redshift-public"
  cluster_identifier     = "scratch"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
}
