terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

data "aws_iam_policy_document" "everything_but_billing" {
  statement {
    not_actions = ["aws-portal:*"] # want "iam-allow-not-action"
    resources   = ["*"]
  }

  statement {
    actions = ["s3:PutObject"]
    not_resources = [ # want "iam-allow-not-action"
      "arn:aws:s3:::acme-audit/*",
    ]
  }
}

resource "aws_iam_role_policy" "ops" {
  name   = "ops"
  role   = "ops"
  policy = data.aws_iam_policy_document.everything_but_billing.json
}
