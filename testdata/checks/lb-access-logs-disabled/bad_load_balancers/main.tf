variable "subnet_ids" {
  type = list(string)
}

variable "certificate_arn" {
  type = string
}

variable "log_bucket" {
  type    = string
  default = "shop-lb-logs"
}

# Application is the default type, and no access_logs block.
resource "aws_lb" "web" { # want "lb-access-logs-disabled"
  name    = "web"
  subnets = var.subnet_ids
}

# A bucket is named but enabled defaults to false.
resource "aws_alb" "admin" {
  name     = "admin"
  internal = true
  subnets  = var.subnet_ids

  access_logs { # want "lb-access-logs-disabled"
    bucket = var.log_bucket
    prefix = "admin"
  }
}

resource "aws_lb" "api" {
  name               = "api"
  load_balancer_type = "application"
  subnets            = var.subnet_ids

  access_logs {
    bucket  = var.log_bucket
    enabled = false # want "lb-access-logs-disabled"
  }
}

# A network load balancer with a TLS listener: its logs would hold the TLS
# connections.
resource "aws_lb" "mqtt" { # want "lb-access-logs-disabled"
  name               = "mqtt"
  load_balancer_type = "network"
  subnets            = var.subnet_ids
}

resource "aws_lb_target_group" "mqtt" {
  name     = "mqtt"
  port     = 1883
  protocol = "TCP"
  vpc_id   = "vpc-0a1b2c3d4e5f60718"
}

resource "aws_lb_listener" "mqtt" {
  load_balancer_arn = aws_lb.mqtt.arn
  port              = 8883
  protocol          = "TLS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.mqtt.arn
  }
}
