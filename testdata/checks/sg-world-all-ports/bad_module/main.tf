module "debug_sg" {
  source  = "./modules/open_sg"
  vpc_id  = "vpc-0123456789abcdef0"
  sources = ["0.0.0.0/0"]
}

module "internal_sg" {
  source  = "./modules/open_sg"
  vpc_id  = "vpc-0123456789abcdef0"
  sources = ["10.0.0.0/8"]
}
