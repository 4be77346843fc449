variable "name" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "certificate_arn" {
  type = string
}

variable "ssl_policy" {
  type    = string
  default = "ELBSecurityPolicy-2016-08"
}

resource "aws_lb" "this" {
  name               = var.name
  load_balancer_type = "network"
  subnets            = var.subnet_ids
}

resource "aws_lb_target_group" "this" {
  name        = var.name
  port        = 8883
  protocol    = "TCP"
  target_type = "ip"
  vpc_id      = "vpc-0a1b2c3d4e5f60718"
}

resource "aws_lb_listener" "tls" {
  load_balancer_arn = aws_lb.this.arn
  port              = 8883
  protocol          = "TLS"
  ssl_policy        = var.ssl_policy # want "lb-outdated-tls-policy"
  certificate_arn   = var.certificate_arn
  alpn_policy       = "None"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }
}
