variable "cidr_block" {
  type = string
}

variable "default_sg_egress" {
  type = list(object({
    port     = number
    protocol = string
    cidr     = string
  }))
}

resource "aws_vpc" "this" {
  cidr_block = var.cidr_block
}

resource "aws_default_security_group" "this" {
  vpc_id = aws_vpc.this.id

  dynamic "egress" { # want "sg-default-allows-traffic"
    for_each = var.default_sg_egress
    content {
      from_port   = egress.value.port
      to_port     = egress.value.port
      protocol    = egress.value.protocol
      cidr_blocks = [egress.value.cidr]
    }
  }
}
