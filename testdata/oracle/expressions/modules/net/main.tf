variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "ports" {
  type = list(number)
}

resource "aws_security_group" "this" {
  name   = var.name
  vpc_id = var.vpc_id

  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }
}

resource "aws_security_group_rule" "self" {
  count             = length(var.ports) > 0 ? 1 : 0
  type              = "ingress"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  self              = true
  security_group_id = aws_security_group.this.id
}

output "sg_name" {
  value = aws_security_group.this.name
}
