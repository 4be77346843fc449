# Bait for the AL2023 exemption: regular expressions that may select other
# images.
data "aws_ami" "unanchored" {
  most_recent = true
  owners      = ["amazon"]
  name_regex  = "al2023-ami-2023.*"
}

data "aws_ami" "maybe_ecs" {
  most_recent = true
  owners      = ["amazon"]
  name_regex  = "^al2023-ami-.*"
}

data "aws_ami" "ecs_regex" {
  most_recent = true
  owners      = ["amazon"]
  name_regex  = "^al2023-ami-ecs-hvm-.*"
}

resource "aws_instance" "unanchored" { # want "ec2-imdsv1"
  ami           = data.aws_ami.unanchored.id
  instance_type = "t3.micro"
}

resource "aws_instance" "maybe_ecs" { # want "ec2-imdsv1"
  ami           = data.aws_ami.maybe_ecs.id
  instance_type = "t3.micro"
}

resource "aws_instance" "ecs_regex" { # want "ec2-imdsv1"
  ami           = data.aws_ami.ecs_regex.id
  instance_type = "t3.micro"
}
