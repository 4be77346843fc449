# Created with the API defaults: EFS does not encrypt unless asked.
resource "aws_efs_file_system" "shared" { # want "efs-unencrypted"
  creation_token   = "shared-home"
  performance_mode = "generalPurpose"
  throughput_mode  = "elastic"

  lifecycle_policy {
    transition_to_ia = "AFTER_30_DAYS"
  }
}

resource "aws_efs_file_system" "legacy" {
  creation_token = "legacy-builds"
  encrypted      = false # want "efs-unencrypted"
}

variable "volumes" {
  type = map(object({
    encrypted = bool
  }))
}

resource "aws_efs_file_system" "per_team" {
  for_each = var.volumes

  creation_token = "team-${each.key}"
  encrypted      = each.value.encrypted # want "efs-unencrypted"
}
