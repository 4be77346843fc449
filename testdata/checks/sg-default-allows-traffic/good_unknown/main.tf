variable "vpc_id" {
  type = string
}

variable "default_rules" {
  type = list(object({
    port = number
    cidr = string
  }))
}

resource "aws_default_security_group" "default" {
  vpc_id = var.vpc_id

  dynamic "ingress" {
    for_each = var.default_rules
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = [ingress.value.cidr]
    }
  }
}

variable "security_group_id" {
  type = string
}

resource "aws_vpc_security_group_ingress_rule" "maybe_default" {
  security_group_id = var.security_group_id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "10.0.0.0/8"
}
