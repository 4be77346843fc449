variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "certificate_arn" {
  type = string
}

variable "ssl_policy" {
  type        = string
  description = "Chosen per environment by the platform team."
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = var.subnet_ids
}

resource "aws_lb" "tcp" {
  name               = "tcp"
  load_balancer_type = "network"
  subnets            = var.subnet_ids
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = var.vpc_id
}

resource "aws_lb_target_group" "tcp" {
  name     = "tcp"
  port     = 5432
  protocol = "TCP"
  vpc_id   = var.vpc_id
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_listener" "fips" {
  load_balancer_arn = aws_lb.web.arn
  port              = 8443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# The policy comes from outside the configuration.
resource "aws_lb_listener" "per_env" {
  load_balancer_arn = aws_lb.web.arn
  port              = 9443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# A TCP listener passes TLS through to the database: no policy of ours.
resource "aws_lb_listener" "postgres" {
  load_balancer_arn = aws_lb.tcp.arn
  port              = 5432
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tcp.arn
  }
}

# A policy newer than onus's table is not judged.
resource "aws_lb_listener" "future" {
  load_balancer_arn = aws_lb.tcp.arn
  port              = 6432
  protocol          = "TLS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-3-PQ-2027-01"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tcp.arn
  }
}
