module "platform" {
  source      = "./modules/eks"
  name        = "platform"
  subnet_ids  = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  api_allowed = ["0.0.0.0/0", "::/0"]
}

module "internal" {
  source      = "./modules/eks"
  name        = "internal"
  subnet_ids  = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  api_allowed = ["198.51.100.0/24"]
}
