# Forms where Terraform's plan says more, or other, than the configuration:
# the plan scan (ONUS_ORACLE_PLANSCAN) must find what the HCL scan finds.

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "extra_disks" {
  type = list(object({ device = string, size = number }))
  default = [
    { device = "/dev/sdf", size = 100 },
  ]
}

# kms_key_id = null is not set: Terraform plans the key the provider picks.
resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = false
  kms_key_id             = var.kms_key_arn
}

# The provider plans user_data as its SHA-1.
resource "aws_instance" "worker" {
  ami           = "ami-0c1c30571d2dae5c9"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=AKIAONUSFAKEKEY00007
  EOT

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    encrypted = true
  }

  # A dynamic block is left out of the plan's configuration: only the HCL
  # says that encrypted is not set.
  dynamic "ebs_block_device" {
    for_each = var.extra_disks
    content {
      device_name = ebs_block_device.value.device
      volume_size = ebs_block_device.value.size
    }
  }
}

# inline_policy is a set: the provider reformats the policy it holds.
resource "aws_iam_role" "deployer" {
  name = "deployer"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "codebuild.amazonaws.com" }
    }]
  })

  inline_policy {
    name = "everything"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = "*"
        Resource = "arn:aws:dynamodb:us-east-1:111122223333:table/orders"
      }]
    })
  }
}

resource "aws_vpc" "main" {
  cidr_block = "10.4.0.0/16"
}

# Every field of an ingress entry is in the plan ("" when unset).
resource "aws_network_acl" "public" {
  vpc_id = aws_vpc.main.id

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "6"
    from_port  = 443
    to_port    = 443
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no         = 120
    action          = "allow"
    protocol        = "6"
    from_port       = 1024
    to_port         = 65535
    ipv6_cidr_block = "::/0"
  }
}

# A module with no resource: only a local holding a key.
module "creds" {
  source = "./modules/creds"
}
