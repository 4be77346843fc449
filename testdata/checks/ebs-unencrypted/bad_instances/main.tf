variable "ami_id" {
  type    = string
  default = "ami-0123456789abcdef0"
}

resource "aws_instance" "app" {
  ami           = var.ami_id
  instance_type = "m6i.large"

  root_block_device { # want "ebs-unencrypted"
    volume_size = 50
    volume_type = "gp3"
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 200
    encrypted   = false # want "ebs-unencrypted"
  }

  # Bait: built from a snapshot, which carries its own encryption.
  ebs_block_device {
    device_name = "/dev/sdg"
    snapshot_id = "snap-0123456789abcdef0"
  }
}

resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  image_id      = var.ami_id
  instance_type = "m6i.large"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 40
      encrypted   = "false" # want "ebs-unencrypted"
    }
  }

  block_device_mappings {
    device_name = "/dev/xvdb"
    ebs { # want "ebs-unencrypted"
      volume_size = 100
    }
  }

  # Bait: instance store has no EBS volume.
  block_device_mappings {
    device_name  = "/dev/xvdc"
    virtual_name = "ephemeral0"
  }
}

resource "aws_launch_configuration" "legacy" {
  name_prefix   = "legacy-"
  image_id      = var.ami_id
  instance_type = "t3.medium"

  root_block_device { # want "ebs-unencrypted"
    volume_size = 30
  }
}

variable "extra_disks" {
  type = list(object({
    device = string
    size   = number
  }))
  default = [
    { device = "/dev/sdh", size = 20 },
  ]
}

resource "aws_instance" "db" {
  ami           = var.ami_id
  instance_type = "r6i.large"

  root_block_device {
    encrypted = true
  }

  dynamic "ebs_block_device" { # want "ebs-unencrypted"
    for_each = var.extra_disks
    content {
      device_name = ebs_block_device.value.device
      volume_size = ebs_block_device.value.size
    }
  }
}
