provider "aws" {
  region = "eu-west-1"
}

# No default and no tfvars: the value is what an operator types at plan time.
variable "admin_cidrs" {
  type = list(string)
}

variable "extra_rules" {
  type = list(object({
    port  = number
    cidrs = list(string)
  }))
}

variable "vpc_id" {
  type = string
}

resource "aws_security_group" "admin" {
  name   = "admin"
  vpc_id = var.vpc_id

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }

  dynamic "ingress" {
    for_each = var.extra_rules
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }
}

resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = aws_security_group.admin.id
  protocol          = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_blocks       = [element(var.admin_cidrs, 0)]
}

resource "aws_security_group" "optional" {
  count  = length(var.admin_cidrs) > 0 ? 0 : 1
  name   = "optional"
  vpc_id = var.vpc_id
}
