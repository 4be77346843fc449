module "platform" {
  source     = "./modules/cluster"
  name       = "platform"
  subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
}
