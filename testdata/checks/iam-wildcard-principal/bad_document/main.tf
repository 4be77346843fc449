terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"] # want "iam-wildcard-principal"
    }
  }
}

resource "aws_iam_role" "shared" {
  name               = "shared"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

# principals { type = "*" } renders "Principal": "*".
data "aws_iam_policy_document" "secret" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["*"]
    principals {
      type = "*"
      identifiers = [
        "*", # want "iam-wildcard-principal"
      ]
    }
    condition {
      test     = "StringEqualsIfExists"
      variable = "aws:SourceVpce"
      values   = ["vpce-0a1b2c3d4e5f67890"]
    }
  }
}

resource "aws_secretsmanager_secret" "db" {
  name = "db"
}

resource "aws_secretsmanager_secret_policy" "db" {
  secret_arn = aws_secretsmanager_secret.db.arn
  policy     = data.aws_iam_policy_document.secret.json
}
