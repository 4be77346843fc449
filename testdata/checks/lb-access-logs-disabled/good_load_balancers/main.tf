variable "subnet_ids" {
  type = list(string)
}

variable "log_bucket" {
  type = string
}

variable "logs_enabled" {
  type = bool
}

variable "appliance_subnet_ids" {
  type = list(string)
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = var.subnet_ids

  access_logs {
    bucket  = var.log_bucket
    prefix  = "web"
    enabled = true
  }
}

resource "aws_lb" "per_env" {
  name    = "per-env"
  subnets = var.subnet_ids

  access_logs {
    bucket  = var.log_bucket
    enabled = var.logs_enabled
  }
}

# A network load balancer with only TCP listeners has nothing to log.
resource "aws_lb" "tcp" {
  name               = "tcp"
  load_balancer_type = "network"
  subnets            = var.subnet_ids
}

resource "aws_lb_target_group" "tcp" {
  name     = "tcp"
  port     = 5432
  protocol = "TCP"
  vpc_id   = "vpc-0a1b2c3d4e5f60718"
}

resource "aws_lb_listener" "tcp" {
  load_balancer_arn = aws_lb.tcp.arn
  port              = 5432
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tcp.arn
  }
}

# Gateway load balancers have no access logs.
resource "aws_lb" "inspection" {
  name               = "inspection"
  load_balancer_type = "gateway"
  subnets            = var.appliance_subnet_ids
}

# Access logs delivered through CloudWatch Logs vended-log delivery.
resource "aws_lb" "vended" {
  name    = "vended"
  subnets = var.subnet_ids
}

resource "aws_cloudwatch_log_delivery_source" "vended" {
  name         = "vended-alb-access"
  log_type     = "ALB_ACCESS_LOGS"
  resource_arn = aws_lb.vended.arn
}
