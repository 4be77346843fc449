resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

variable "subnets" {
  type = map(object({
    cidr   = string
    az     = string
    public = bool
  }))
}

resource "aws_subnet" "this" {
  for_each                = var.subnets
  vpc_id                  = aws_vpc.main.id
  cidr_block              = each.value.cidr
  availability_zone       = each.value.az
  map_public_ip_on_launch = each.value.public # want "ec2-public-ip"
}

resource "aws_subnet" "db" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.100.0/24"
}

# Default subnets hand out public addresses unless told otherwise.
resource "aws_default_subnet" "az_a" { # want "ec2-public-ip"
  availability_zone = "eu-west-1a"
}

resource "aws_default_subnet" "az_b" {
  availability_zone       = "eu-west-1b"
  map_public_ip_on_launch = true # want "ec2-public-ip"
}

resource "aws_default_subnet" "az_c" {
  availability_zone       = "eu-west-1c"
  map_public_ip_on_launch = false
}
