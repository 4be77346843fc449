provider "aws" {
  region = "ap-southeast-2"
}

variable "vpc_id" {
  type    = string
  default = "vpc-0123456789abcdef0"
}

variable "open_everything" {
  type    = bool
  default = false
}

resource "aws_security_group" "workers" {
  name   = "workers"
  vpc_id = var.vpc_id
}

resource "aws_security_group_rule" "any" {
  type              = "ingress"
  security_group_id = aws_security_group.workers.id
  protocol          = "all"
  from_port         = 0
  to_port           = 65535
  cidr_blocks       = ["0.0.0.0/0"] # want "sg-world-all-ports"
}

resource "aws_vpc_security_group_ingress_rule" "any_v6" {
  security_group_id = aws_security_group.workers.id
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0" # want "sg-world-all-ports"
}

# Set to true in terraform.tfvars.
resource "aws_vpc_security_group_ingress_rule" "debug" {
  count             = var.open_everything ? 1 : 0
  security_group_id = aws_security_group.workers.id
  ip_protocol       = -1
  cidr_ipv4         = "0.0.0.0/0" # want "sg-world-all-ports"
}

# count = 0: never created.
resource "aws_vpc_security_group_ingress_rule" "disabled" {
  count             = 0
  security_group_id = aws_security_group.workers.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

# Bait: from the workers themselves.
resource "aws_security_group_rule" "self" {
  type              = "ingress"
  security_group_id = aws_security_group.workers.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  self              = true
}
