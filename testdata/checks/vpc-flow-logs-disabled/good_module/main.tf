module "network" {
  source = "./modules/network"
  cidr   = "10.20.0.0/16"
}

module "flow_logs" {
  source = "./modules/flow_logs"
  vpc_id = module.network.vpc_id
}
