# Values the AWS provider rewrites while planning, and values Terraform
# plans as wholly unknown: onus must show them as Terraform does, or not
# claim them.
variable "kms_key_arn" {
  type = string
}

resource "aws_security_group" "db" {
  name = "db"

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "6" # planned as "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "ALL" # planned as "-1"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_security_group_rule" "dns" {
  type              = "egress"
  from_port         = 53
  to_port           = 53
  protocol          = "17" # planned as "udp"
  cidr_blocks       = ["10.0.0.2/32"]
  security_group_id = aws_security_group.db.id
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]

  access_logs {
    bucket = "lb-logs" # planned as "": logs are not enabled
    prefix = "web"
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "http" # planned as "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_instance" "worker" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  # Planned as the SHA-1 of the text by the provider up to 5.x.
  user_data = <<-EOT
    #!/bin/bash
    echo hello
  EOT
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  # Planned with the environment sorted by name.
  container_definitions = jsonencode([{
    name      = "app"
    image     = "public.ecr.aws/docker/library/busybox:latest"
    essential = true
    environment = [
      { name = "STAGE", value = "prod" },
      { name = "REGION", value = "eu-west-1" },
    ]
  }])
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::111122223333:role/api"
  runtime       = "python3.12"
  handler       = "main.handler"
  filename      = "api.zip"

  environment {
    # One unknown value makes Terraform plan the whole map as unknown.
    variables = {
      STAGE   = "prod"
      KEY_ARN = var.kms_key_arn == "" ? "none" : aws_security_group.db.arn
    }
  }
}
