resource "aws_launch_template" "web" { # want "ec2-imdsv1"
  name_prefix   = "web-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.small"
}

variable "imds_tokens" {
  type    = string
  default = "optional"
}

resource "aws_launch_template" "api" {
  name_prefix   = "api-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.small"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = var.imds_tokens # want "ec2-imdsv1"
  }
}

resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 1
  max_size            = 3
  vpc_zone_identifier = ["subnet-0123456789abcdef0"]

  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  }
}
