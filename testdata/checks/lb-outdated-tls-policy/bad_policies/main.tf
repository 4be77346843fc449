variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "certificate_arn" {
  type = string
}

locals {
  # Kept for an old Android app, "for now".
  legacy_policy = "ELBSecurityPolicy-TLS-1-1-2017-01"
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = var.subnet_ids
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = var.vpc_id
}

# No ssl_policy: the API default ELBSecurityPolicy-2016-08 accepts TLS 1.0.
resource "aws_lb_listener" "https" { # want "lb-outdated-tls-policy"
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_alb_listener" "legacy_clients" {
  load_balancer_arn = aws_lb.web.arn
  port              = 8443
  protocol          = "HTTPS"
  ssl_policy        = local.legacy_policy # want "lb-outdated-tls-policy"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_listener" "tls13_but_old_floor" {
  load_balancer_arn = aws_lb.web.arn
  port              = 9443
  protocol          = "https"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-0-2021-06" # want "lb-outdated-tls-policy"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# Bait: an HTTP listener has no TLS policy to judge.
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
