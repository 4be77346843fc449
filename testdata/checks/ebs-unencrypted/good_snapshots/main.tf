data "aws_ebs_snapshot" "golden" {
  most_recent = true
  owners      = ["self"]
  filter {
    name   = "tag:Name"
    values = ["golden-data"]
  }
}

# The snapshot's encryption is not in the configuration.
resource "aws_ebs_volume" "from_golden" {
  availability_zone = "eu-west-1a"
  snapshot_id       = data.aws_ebs_snapshot.golden.id
}

resource "aws_ebs_volume" "from_literal" {
  availability_zone = "eu-west-1a"
  snapshot_id       = "snap-0123456789abcdef0"
}
