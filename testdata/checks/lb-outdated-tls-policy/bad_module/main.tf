variable "subnet_ids" {
  type = list(string)
}

variable "certificate_arn" {
  type = string
}

module "mqtt" {
  source          = "./modules/nlb"
  name            = "mqtt"
  subnet_ids      = var.subnet_ids
  certificate_arn = var.certificate_arn
}

module "grpc" {
  source          = "./modules/nlb"
  name            = "grpc"
  subnet_ids      = var.subnet_ids
  certificate_arn = var.certificate_arn
  ssl_policy      = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"
}
