# Encryption by default managed here, and turned off.
resource "aws_ebs_encryption_by_default" "this" {
  enabled = false
}

resource "aws_ebs_volume" "logs" { # want "ebs-unencrypted"
  availability_zone = "eu-west-1a"
  size              = 20
}
