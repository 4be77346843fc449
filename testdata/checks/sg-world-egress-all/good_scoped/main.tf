resource "aws_vpc" "main" {
  cidr_block = "10.70.0.0/16"
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.s3"
}

# No egress block: the provider removes AWS's default allow-all rule.
resource "aws_security_group" "locked" {
  name   = "locked"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group" "scoped" {
  name   = "scoped"
  vpc_id = aws_vpc.main.id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }

  egress {
    from_port       = 0
    to_port         = 0
    protocol        = "-1"
    prefix_list_ids = [aws_vpc_endpoint.s3.prefix_list_id]
  }

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = -1
    to_port     = -1
    protocol    = "icmp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

variable "egress_cidr" {
  type = string
}

resource "aws_vpc_security_group_egress_rule" "unknown" {
  security_group_id = aws_security_group.locked.id
  ip_protocol       = "-1"
  cidr_ipv4         = var.egress_cidr
}
