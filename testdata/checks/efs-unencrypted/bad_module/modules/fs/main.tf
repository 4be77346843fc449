variable "name" {
  type = string
}

variable "encrypted" {
  type    = bool
  default = true
}

resource "aws_efs_file_system" "this" {
  creation_token = var.name
  encrypted      = var.encrypted # want "efs-unencrypted"
}

resource "aws_efs_backup_policy" "this" {
  file_system_id = aws_efs_file_system.this.id

  backup_policy {
    status = "ENABLED"
  }
}
