variable "vpc_id" {
  type = string
}

variable "public_subnet_ids" {
  type = list(string)
}

variable "shared_alb_arn" {
  type        = string
  description = "ARN of a load balancer owned by the platform team."
}

variable "protocol" {
  type = string
}

variable "actions" {
  type = list(object({ type = string, target_group_arn = string }))
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = var.public_subnet_ids
}

resource "aws_lb" "tcp" {
  name               = "tcp"
  load_balancer_type = "network"
  subnets            = var.public_subnet_ids
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = var.vpc_id
}

resource "aws_lb_target_group" "tcp" {
  name     = "tcp"
  port     = 5000
  protocol = "TCP"
  vpc_id   = var.vpc_id
}

# The usual pair: HTTP only redirects to HTTPS.
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

# Upper and lower case are the same to the provider.
resource "aws_alb_listener" "http_alt" {
  load_balancer_arn = aws_lb.web.arn
  port              = 8080
  protocol          = "http"

  default_action {
    type = "Redirect"

    redirect {
      protocol    = "https"
      status_code = "HTTP_302"
    }
  }
}

# A fixed response carries no application data, and no rule forwards.
resource "aws_lb_listener" "maintenance" {
  load_balancer_arn = aws_lb.web.arn
  port              = 8000
  protocol          = "HTTP"

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "Back soon"
      status_code  = "503"
    }
  }
}

# Network load balancer listeners speak TCP, not HTTP.
resource "aws_lb_listener" "tcp" {
  load_balancer_arn = aws_lb.tcp.arn
  port              = 80
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tcp.arn
  }
}

# No protocol, and the load balancer is not in this configuration: it may
# be a network load balancer.
resource "aws_lb_listener" "shared" {
  load_balancer_arn = var.shared_alb_arn
  port              = 9000

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# The protocol is only known at apply time.
resource "aws_lb_listener" "unknown_protocol" {
  load_balancer_arn = aws_lb.web.arn
  port              = 9001
  protocol          = var.protocol

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# Actions generated from an unknown list.
resource "aws_lb_listener" "dynamic" {
  load_balancer_arn = aws_lb.web.arn
  port              = 9002
  protocol          = "HTTP"

  dynamic "default_action" {
    for_each = var.actions
    content {
      type             = default_action.value.type
      target_group_arn = default_action.value.target_group_arn
    }
  }
}
