# Every new instance in the account and region requires IMDSv2.
resource "aws_ec2_instance_metadata_defaults" "account" {
  http_tokens                 = "required"
  http_put_response_hop_limit = 2
}

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"
}

resource "aws_launch_template" "app" {
  name_prefix = "app-"
  image_id    = "ami-0123456789abcdef0"

  metadata_options {
    http_put_response_hop_limit = 1
  }
}
