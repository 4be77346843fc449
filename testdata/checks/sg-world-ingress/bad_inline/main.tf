terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "vpc_id" {
  type = string
}

resource "aws_security_group" "edge" {
  name   = "edge"
  vpc_id = var.vpc_id

  ingress {
    description = "app served directly"
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # want "sg-world-ingress"
  }

  ingress {
    description = "80 through 443 is more than two ports"
    from_port   = 80
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # want "sg-world-ingress"
  }

  ingress {
    description      = "WireGuard"
    from_port        = 51820
    to_port          = 51820
    protocol         = "udp"
    ipv6_cidr_blocks = ["::/0"] # want "sg-world-ingress"
  }

  ingress {
    description = "IPsec ESP"
    from_port   = 0
    to_port     = 0
    protocol    = "50"
    cidr_blocks = ["0.0.0.0/0"] # want "sg-world-ingress"
  }

  # Bait: HTTP and HTTPS, also over QUIC.
  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port        = 443
    to_port          = 443
    protocol         = "udp"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }

  # Bait: ping.
  ingress {
    from_port   = 8
    to_port     = 0
    protocol    = "icmp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  # Bait: admin port and all ports are reported by their own checks.
  ingress {
    from_port   = 3306
    to_port     = 3306
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  # Bait: 8080 from a partner network.
  ingress {
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["203.0.113.0/24"]
  }
}
