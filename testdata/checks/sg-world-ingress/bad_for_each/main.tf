variable "vpc_id" {
  type = string
}

variable "public_ports" {
  type = map(number)
}

resource "aws_security_group" "game" {
  name   = "game"
  vpc_id = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "public" {
  for_each          = var.public_ports
  security_group_id = aws_security_group.game.id
  description       = each.key
  ip_protocol       = "tcp"
  from_port         = each.value
  to_port           = each.value
  cidr_ipv4         = "0.0.0.0/0" # want "sg-world-ingress"
}
