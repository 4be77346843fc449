variable "vpc_id" {
  type = string
}

variable "public" {
  type = bool
}

resource "aws_subnet" "app" {
  vpc_id                  = var.vpc_id
  cidr_block              = "10.0.20.0/24"
  map_public_ip_on_launch = false
}

resource "aws_subnet" "maybe" {
  vpc_id                  = var.vpc_id
  cidr_block              = "10.0.21.0/24"
  map_public_ip_on_launch = var.public
}

resource "aws_instance" "worker" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.app.id
  associate_public_ip_address = false
}

resource "aws_instance" "maybe" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.app.id
  associate_public_ip_address = var.public
}
