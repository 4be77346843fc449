# Bait: a mount-target condition that admits everyone (false, or only if the
# key exists) narrows nothing.
resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}

resource "aws_efs_file_system_policy" "not_via_mount_target" {
  file_system_id = aws_efs_file_system.shared.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" } # want "iam-wildcard-principal"
      Action    = ["elasticfilesystem:ClientMount"]
      Condition = { Bool = { "elasticfilesystem:AccessedViaMountTarget" = "false" } }
    }]
  })
}

resource "aws_efs_file_system_policy" "if_exists" {
  file_system_id = aws_efs_file_system.shared.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*" # want "iam-wildcard-principal"
      Action    = ["elasticfilesystem:ClientMount"]
      Condition = { BoolIfExists = { "elasticfilesystem:AccessedViaMountTarget" = "true" } }
    }]
  })
}
