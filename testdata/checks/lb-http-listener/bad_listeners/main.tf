terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "vpc_id" {
  type = string
}

variable "public_subnet_ids" {
  type = list(string)
}

variable "certificate_arn" {
  type = string
}

resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = var.public_subnet_ids
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = var.vpc_id
}

# Plain HTTP straight to the application.
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP" # want "lb-http-listener"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# No protocol on an application load balancer is HTTP.
resource "aws_lb_listener" "legacy" { # want "lb-http-listener"
  load_balancer_arn = aws_lb.web.arn
  port              = 8080

  default_action {
    type = "forward"

    forward {
      target_group {
        arn = aws_lb_target_group.web.arn
      }
    }
  }
}

# A redirect that keeps the client on HTTP.
resource "aws_alb_listener" "moved" {
  load_balancer_arn = aws_lb.web.arn
  port              = 8081
  protocol          = "http"

  default_action {
    type = "redirect"

    redirect {
      host        = "www.example.com"
      protocol    = "HTTP" # want "lb-http-listener"
      status_code = "HTTP_301"
    }
  }
}

# redirect.protocol defaults to #{protocol}: still HTTP.
resource "aws_lb_listener" "same_scheme" {
  load_balancer_arn = aws_lb.web.arn
  port              = 8082
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect { # want "lb-http-listener"
      path        = "/new/#{path}"
      status_code = "HTTP_302"
    }
  }
}

# The default action only answers 404, but a rule forwards /api over HTTP.
resource "aws_lb_listener" "api" {
  load_balancer_arn = aws_lb.web.arn
  port              = 8088
  protocol          = "HTTP"

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "not found"
      status_code  = "404"
    }
  }
}

resource "aws_lb_listener_rule" "api" {
  listener_arn = aws_lb_listener.api.arn
  priority     = 10

  action { # want "lb-http-listener"
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }

  condition {
    path_pattern {
      values = ["/api/*"]
    }
  }
}

# Bait: a rule on the same HTTP listener that upgrades to HTTPS.
resource "aws_lb_listener_rule" "login" {
  listener_arn = aws_lb_listener.api.arn
  priority     = 20

  action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }

  condition {
    path_pattern {
      values = ["/login"]
    }
  }
}

# Bait: HTTPS listener forwarding is what it should do.
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# Bait: a rule forwarding on the HTTPS listener.
resource "aws_lb_listener_rule" "https_api" {
  listener_arn = aws_lb_listener.https.arn
  priority     = 10

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }

  condition {
    path_pattern {
      values = ["/api/*"]
    }
  }
}
