terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

data "aws_partition" "current" {}

# The partition is unknown until plan, but the ARN names AdministratorAccess
# in whichever partition it is.
resource "aws_iam_role_policy_attachment" "partition" {
  role       = "ops"
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess" # want "iam-admin-managed-policy"
}

data "aws_iam_policy" "iam_full" {
  name = "IAMFullAccess"
}

resource "aws_iam_group_policy_attachment" "iam_admins" {
  group      = "iam-admins"
  policy_arn = data.aws_iam_policy.iam_full.arn # want "iam-admin-managed-policy"
}

resource "aws_ssoadmin_managed_policy_attachment" "admins" {
  instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
  permission_set_arn = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111"
  managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # want "iam-admin-managed-policy"
}
