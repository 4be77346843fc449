variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "listener_protocol" {
  type    = string
  default = "HTTPS"
}

module "edge" {
  source     = "./modules/edge"
  for_each   = toset(["blue", "green"])
  name       = "edge-${each.key}"
  vpc_id     = var.vpc_id
  subnet_ids = var.subnet_ids
  protocol   = var.listener_protocol
}
