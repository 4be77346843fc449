terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]
  filter {
    name   = "name"
    values = ["al2023-ami-*-x86_64"]
  }
}

variable "subnet_id" {
  type = string
}

resource "aws_instance" "web" {
  ami                         = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  subnet_id                   = var.subnet_id
  associate_public_ip_address = true # want "ec2-public-ip"
}

resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  image_id      = data.aws_ami.al2023.id
  instance_type = "t3.small"

  network_interfaces {
    device_index                = 0
    associate_public_ip_address = "true" # want "ec2-public-ip"
    subnet_id                   = var.subnet_id
  }
}

resource "aws_launch_configuration" "legacy" {
  name_prefix                 = "legacy-"
  image_id                    = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  associate_public_ip_address = true # want "ec2-public-ip"
}

# Bait: unset leaves it to the subnet; false asks for none.
resource "aws_instance" "app" {
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.micro"
  subnet_id     = var.subnet_id
}

resource "aws_launch_template" "private" {
  name_prefix = "private-"
  image_id    = data.aws_ami.al2023.id

  network_interfaces {
    associate_public_ip_address = "false"
  }
}
