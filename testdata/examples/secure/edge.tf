variable "certificate_arn" {
  type        = string
  description = "ACM certificate for the shop's domain, issued outside this configuration."
}

# Internal load balancer for the application: HTTPS with a TLS 1.2+ policy,
# plain HTTP only redirects, and every request is logged.
resource "aws_lb" "app" {
  name            = "${local.name}-app"
  internal        = true
  subnets         = aws_subnet.private[*].id
  security_groups = [aws_security_group.app.id]

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    prefix  = "alb/app"
    enabled = true
  }
}

resource "aws_lb_target_group" "app" {
  name     = "${local.name}-app"
  port     = 8443
  protocol = "HTTPS"
  vpc_id   = aws_vpc.main.id
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.app.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.app.arn
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
