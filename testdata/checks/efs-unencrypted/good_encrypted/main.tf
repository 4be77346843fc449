resource "aws_kms_key" "efs" {
  description         = "EFS data"
  enable_key_rotation = true
}

resource "aws_efs_file_system" "data" {
  creation_token = "data"
  encrypted      = true
  kms_key_id     = aws_kms_key.efs.arn
}

# The AWS-owned default key: encrypted all the same.
resource "aws_efs_file_system" "tmp" {
  creation_token = "tmp"
  encrypted      = "true"
}

locals {
  file_systems = toset(["a", "b"])
}

resource "aws_efs_file_system" "many" {
  for_each = local.file_systems

  creation_token = "fs-${each.key}"
  encrypted      = true
}

# Bait: a mount target and an access point carry no encryption setting.
resource "aws_efs_mount_target" "data" {
  file_system_id = aws_efs_file_system.data.id
  subnet_id      = "subnet-0123456789abcdef0"
}

resource "aws_efs_access_point" "data" {
  file_system_id = aws_efs_file_system.data.id
}
