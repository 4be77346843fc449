variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "egress_cidrs" {
  type = list(string)
}

variable "egress_enabled" {
  type = bool
}

resource "aws_security_group" "this" {
  name   = var.name
  vpc_id = var.vpc_id

  dynamic "egress" {
    for_each = var.egress_enabled ? [1] : []
    content {
      from_port   = 0
      to_port     = 0
      protocol    = "-1"
      cidr_blocks = var.egress_cidrs # want "sg-world-egress-all"
    }
  }
}
