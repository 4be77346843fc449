variable "security_group_id" {
  type    = string
  default = "sg-0123456789abcdef0"
}

resource "aws_vpc_security_group_egress_rule" "all_v4" {
  security_group_id = var.security_group_id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0" # want "sg-world-egress-all"
}

resource "aws_vpc_security_group_egress_rule" "all_v6" {
  security_group_id = var.security_group_id
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0" # want "sg-world-egress-all"
}

resource "aws_security_group_rule" "udp_out" {
  type              = "egress"
  security_group_id = var.security_group_id
  protocol          = "udp"
  from_port         = 0
  to_port           = 65535
  cidr_blocks       = ["0.0.0.0/0"] # want "sg-world-egress-all"
}

# Bait: DNS out.
resource "aws_security_group_rule" "dns" {
  type              = "egress"
  security_group_id = var.security_group_id
  protocol          = "udp"
  from_port         = 53
  to_port           = 53
  cidr_blocks       = ["0.0.0.0/0"]
}

# Bait: all traffic in is an ingress rule.
resource "aws_security_group_rule" "in" {
  type              = "ingress"
  security_group_id = var.security_group_id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}
