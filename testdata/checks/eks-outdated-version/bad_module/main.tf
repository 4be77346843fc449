module "data" {
  source          = "./modules/cluster"
  name            = "data"
  cluster_version = "1.30"
}
