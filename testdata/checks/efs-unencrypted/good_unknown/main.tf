variable "encrypt" {
  type        = bool
  description = "Set by the pipeline."
}

resource "aws_efs_file_system" "decided_later" {
  creation_token = "decided-later"
  encrypted      = var.encrypt
}

# A key without encrypted = true: the provider refuses the plan, so the
# intent (encryption) is not reported as unencrypted.
resource "aws_efs_file_system" "key_only" {
  creation_token = "key-only"
  kms_key_id     = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
