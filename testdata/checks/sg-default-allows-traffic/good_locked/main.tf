resource "aws_vpc" "main" {
  cidr_block = "10.110.0.0/16"
}

# Adopted with no rules: the provider strips AWS's defaults.
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
  tags = {
    Name = "default - do not use"
  }
}

resource "aws_vpc" "other" {
  cidr_block = "10.111.0.0/16"
}

resource "aws_default_security_group" "other" {
  vpc_id  = aws_vpc.other.id
  ingress = []
  egress  = []
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
