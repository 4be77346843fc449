module "service_sg" {
  source         = "./modules/sg"
  name           = "service"
  vpc_id         = "vpc-0123456789abcdef0"
  egress_cidrs   = ["0.0.0.0/0"]
  egress_enabled = true
}

module "isolated_sg" {
  source         = "./modules/sg"
  name           = "isolated"
  vpc_id         = "vpc-0123456789abcdef0"
  egress_cidrs   = ["0.0.0.0/0"]
  egress_enabled = false
}
