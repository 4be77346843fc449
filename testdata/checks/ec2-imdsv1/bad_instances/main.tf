data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]

  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"]
  }
}

resource "aws_instance" "bastion" { # want "ec2-imdsv1"
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"
}

resource "aws_instance" "worker" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"

  metadata_options { # want "ec2-imdsv1"
    http_endpoint               = "enabled"
    http_put_response_hop_limit = 2
  }
}

resource "aws_instance" "legacy" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"

  metadata_options {
    http_tokens = "optional" # want "ec2-imdsv1"
  }
}

# An ECS-optimized AL2023 image is built by ECS: not assumed IMDSv2-only.
data "aws_ami" "ecs" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["al2023-ami-ecs-hvm-*-x86_64"]
  }
}

resource "aws_instance" "ecs" { # want "ec2-imdsv1"
  ami           = data.aws_ami.ecs.id
  instance_type = "t3.medium"
}

# The account default is set, but this instance opts out explicitly.
resource "aws_ec2_instance_metadata_defaults" "account" {
  http_tokens = "optional"
}
