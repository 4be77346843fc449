module "jump" {
  source = "./modules/host"
  name   = "jump"
  ami    = "ami-0123456789abcdef0"
}
