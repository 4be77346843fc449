terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_iam_role" "ops" {
  name = "ops"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
    }]
  })

  managed_policy_arns = [
    "arn:aws:iam::aws:policy/ReadOnlyAccess",
    "arn:aws:iam::aws:policy/IAMFullAccess", # want "iam-admin-managed-policy"
  ]
}

resource "aws_iam_role_policy_attachment" "ops_admin" {
  role       = aws_iam_role.ops.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # want "iam-admin-managed-policy"
}

resource "aws_iam_group_policy_attachment" "gov_admins" {
  group      = "admins"
  policy_arn = "arn:aws-us-gov:iam::aws:policy/AdministratorAccess" # want "iam-admin-managed-policy"
}

resource "aws_iam_user_policy_attachment" "cn_admin" {
  user       = "ops"
  policy_arn = "arn:aws-cn:iam::aws:policy/AdministratorAccess" # want "iam-admin-managed-policy"
}

resource "aws_iam_policy_attachment" "legacy" {
  name       = "legacy"
  roles      = [aws_iam_role.ops.name]
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess" # want "iam-admin-managed-policy"
}

resource "aws_iam_role_policy_attachments_exclusive" "ops" {
  role_name = aws_iam_role.ops.name
  policy_arns = [
    "arn:aws:iam::aws:policy/AdministratorAccess", # want "iam-admin-managed-policy"
  ]
}

variable "break_glass_policies" {
  type = set(string)
}

resource "aws_iam_role_policy_attachment" "break_glass" {
  for_each   = var.break_glass_policies
  role       = "break-glass"
  policy_arn = each.value # want "iam-admin-managed-policy"
}
