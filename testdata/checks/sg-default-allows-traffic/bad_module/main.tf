module "vpc" {
  source     = "./modules/vpc"
  cidr_block = "10.100.0.0/16"
  default_sg_egress = [
    { port = 0, protocol = "-1", cidr = "0.0.0.0/0" },
  ]
}

module "vpc_locked" {
  source            = "./modules/vpc"
  cidr_block        = "10.101.0.0/16"
  default_sg_egress = []
}
