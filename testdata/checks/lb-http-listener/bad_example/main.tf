resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0a1b2c3d4e5f60718"
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP" # want "lb-http-listener"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}
