resource "aws_vpc" "main" {
  cidr_block = "10.80.0.0/16"
}

# The rules AWS puts in every default group, brought under management as is.
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id

  ingress { # want "sg-default-allows-traffic"
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc" "second" {
  cidr_block = "10.81.0.0/16"
}

resource "aws_default_security_group" "second" {
  vpc_id = aws_vpc.second.id

  egress { # want "sg-default-allows-traffic"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.81.0.0/16"]
  }
}
