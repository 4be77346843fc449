terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

data "aws_iam_policy_document" "ops" {
  statement {
    sid     = "Snapshots"
    actions = ["ec2:CreateSnapshot", "ec2:DeleteSnapshot"]
    resources = [
      "*", # want "iam-wildcard-resource"
    ]
  }

  statement {
    sid       = "Secrets"
    actions   = ["secretsmanager:PutSecretValue"]
    resources = ["*"] # want "iam-wildcard-resource"
  }
}

resource "aws_iam_role_policy" "ops" {
  name   = "ops"
  role   = "ops"
  policy = data.aws_iam_policy_document.ops.json
}
