variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "protocol" {
  type = string
}

resource "aws_lb" "this" {
  name     = var.name
  internal = true
  subnets  = var.subnet_ids
}

resource "aws_lb_target_group" "this" {
  name     = var.name
  port     = 80
  protocol = "HTTP"
  vpc_id   = var.vpc_id
}

resource "aws_lb_listener" "front" {
  load_balancer_arn = aws_lb.this.arn
  port              = var.protocol == "HTTPS" ? 443 : 80
  protocol          = var.protocol # want "lb-http-listener" "lb-http-listener"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }
}
