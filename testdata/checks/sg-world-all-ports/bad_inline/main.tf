terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

resource "aws_vpc" "lab" {
  cidr_block = "10.50.0.0/16"
}

resource "aws_security_group" "lab" {
  name        = "lab-open"
  description = "temporary, for debugging"
  vpc_id      = aws_vpc.lab.id

  ingress {
    description = "everything"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"] # want "sg-world-all-ports"
  }

  ingress {
    from_port        = 0
    to_port          = 65535
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"] # want "sg-world-all-ports"
  }

  ingress {
    from_port   = 1
    to_port     = 65535
    protocol    = "udp"
    cidr_blocks = ["0.0.0.0/1", "128.0.0.0/1"] # want "sg-world-all-ports"
  }

  # Bait: SSH from anywhere belongs to sg-world-admin-port.
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  # Bait: all traffic, but from inside the VPC.
  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = [aws_vpc.lab.cidr_block]
  }

  # Bait: all traffic out is an egress rule.
  egress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}
