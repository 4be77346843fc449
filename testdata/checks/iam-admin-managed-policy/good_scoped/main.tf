terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_iam_role_policy_attachment" "read_only" {
  role       = "auditor"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

# Bait: a customer managed policy that happens to be named
# AdministratorAccess lives in the account, not in "aws".
resource "aws_iam_role_policy_attachment" "own" {
  role       = "auditor"
  policy_arn = "arn:aws:iam::111122223333:policy/AdministratorAccess"
}

# Bait: job-function policies that only sound powerful.
resource "aws_iam_group_policy_attachment" "billing" {
  group      = "finance"
  policy_arn = "arn:aws:iam::aws:policy/job-function/Billing"
}

resource "aws_iam_group_policy_attachment" "iam_read" {
  group      = "auditors"
  policy_arn = "arn:aws:iam::aws:policy/IAMReadOnlyAccess"
}

data "aws_iam_policy" "read_only" {
  name = "ReadOnlyAccess"
}

resource "aws_iam_user_policy_attachment" "read_only" {
  user       = "auditor"
  policy_arn = data.aws_iam_policy.read_only.arn
}
