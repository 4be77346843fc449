variable "name" {
  type = string
}

variable "ami" {
  type = string
}

variable "require_tokens" {
  type    = bool
  default = false
}

resource "aws_instance" "this" {
  ami           = var.ami
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = var.require_tokens ? "required" : "optional" # want "ec2-imdsv1"
  }

  tags = {
    Name = var.name
  }
}
