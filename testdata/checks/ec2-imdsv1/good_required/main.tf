resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}

resource "aws_launch_template" "app" {
  name_prefix = "app-"
  image_id    = "ami-0123456789abcdef0"

  metadata_options {
    http_tokens = "required"
  }
}

# No metadata service at all: no IMDSv1 either.
resource "aws_instance" "isolated" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"

  metadata_options {
    http_endpoint = "disabled"
    http_tokens   = "optional"
  }
}

# Takes its metadata options from the launch template above.
resource "aws_instance" "from_template" {
  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}

# An EKS node template without an image: EKS chooses the AMI.
resource "aws_launch_template" "nodes" {
  name_prefix   = "nodes-"
  instance_type = "m6i.large"
}

variable "tokens" {
  type = string
}

resource "aws_instance" "unknown" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"

  metadata_options {
    http_tokens = var.tokens
  }
}

variable "metadata" {
  type = list(object({ tokens = string }))
}

resource "aws_instance" "dynamic" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"

  dynamic "metadata_options" {
    for_each = var.metadata
    content {
      http_tokens = metadata_options.value.tokens
    }
  }
}
