variable "vpc_id" {
  type = string
}

variable "sources" {
  type = list(string)
}

resource "aws_security_group" "this" {
  name_prefix = "open-"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "all" {
  for_each          = toset(var.sources)
  security_group_id = aws_security_group.this.id
  ip_protocol       = "-1"
  cidr_ipv4         = each.value # want "sg-world-all-ports"
}
