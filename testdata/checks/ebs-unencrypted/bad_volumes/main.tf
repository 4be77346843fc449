terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_ebs_volume" "data" { # want "ebs-unencrypted"
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 50
  encrypted         = false # want "ebs-unencrypted"
}

# A snapshot of the unencrypted volume, and a volume made from it.
resource "aws_ebs_snapshot" "data" {
  volume_id = aws_ebs_volume.data.id
}

resource "aws_ebs_volume" "data_copy" { # want "ebs-unencrypted"
  availability_zone = "eu-west-1b"
  snapshot_id       = aws_ebs_snapshot.data.id
}

variable "volume_sizes" {
  type = map(number)
}

resource "aws_ebs_volume" "per_service" { # want "ebs-unencrypted" "ebs-unencrypted"
  for_each          = var.volume_sizes
  availability_zone = "eu-west-1a"
  size              = each.value
}

resource "aws_ebs_volume" "disabled" {
  count             = 0
  availability_zone = "eu-west-1a"
  size              = 10
}
