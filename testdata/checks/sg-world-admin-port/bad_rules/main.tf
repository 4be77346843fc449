provider "aws" {
  region = "us-east-1"
}

variable "vpc_id" {
  type = string
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = var.vpc_id
}

locals {
  app_rules = {
    http  = { port = 80, cidr = "0.0.0.0/0" }
    https = { port = 443, cidr = "0.0.0.0/0" }
    ssh   = { port = 22, cidr = "0.0.0.0/0" }
    mongo = { port = 27017, cidr = "10.20.0.0/16" }
  }
}

resource "aws_security_group_rule" "app" {
  for_each          = local.app_rules
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  protocol          = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_blocks       = [each.value.cidr] # want "sg-world-admin-port"
}

resource "aws_vpc_security_group_ingress_rule" "postgres" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = "0.0.0.0/0" # want "sg-world-admin-port"
}

resource "aws_vpc_security_group_ingress_rule" "elasticsearch_v6" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "tcp"
  from_port         = 9200
  to_port           = 9300
  cidr_ipv6         = "::/0" # want "sg-world-admin-port"
}

# Bait: egress rules never reach a port of this host.
resource "aws_security_group_rule" "to_db" {
  type              = "egress"
  security_group_id = aws_security_group.app.id
  protocol          = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_blocks       = ["0.0.0.0/0"]
}

# Bait: source is another security group.
resource "aws_vpc_security_group_ingress_rule" "from_lb" {
  security_group_id            = aws_security_group.app.id
  ip_protocol                  = "tcp"
  from_port                    = 22
  to_port                      = 22
  referenced_security_group_id = aws_security_group.app.id
}
