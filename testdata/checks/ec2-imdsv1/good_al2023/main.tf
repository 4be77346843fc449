# Amazon Linux 2023 AMIs carry ImdsSupport v2.0: IMDSv2-only by default.
data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }

  filter {
    name   = "architecture"
    values = ["x86_64"]
  }
}

resource "aws_instance" "app" {
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.small"
}

resource "aws_launch_template" "app" {
  name_prefix = "app-"
  image_id    = data.aws_ami.al2023.id
}

data "aws_ssm_parameter" "al2023" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64"
}

resource "aws_instance" "arm" {
  ami           = nonsensitive(data.aws_ssm_parameter.al2023.value)
  instance_type = "t4g.small"
}

# name_regex, applied to what the filters return, anchored on AL2023 names.
data "aws_ami" "al2023_regex" {
  most_recent = true
  owners      = ["amazon"]
  name_regex  = "^al2023-ami-2023.*-x86_64"
}

resource "aws_launch_template" "regex" {
  name_prefix   = "regex-"
  image_id      = data.aws_ami.al2023_regex.id
  instance_type = "t3.micro"
}
