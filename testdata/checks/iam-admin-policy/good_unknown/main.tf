terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

# No default and no tfvars: the values are unknown, which never produces a
# finding.
variable "actions" {
  type = list(string)
}

variable "policy_json" {
  type = string
}

variable "effect" {
  type = string
}

resource "aws_iam_policy" "from_var" {
  name   = "from-var"
  policy = var.policy_json
}

resource "aws_iam_policy" "actions_from_var" {
  name = "actions-from-var"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = var.actions
      Resource = "*"
    }]
  })
}

data "aws_iam_policy_document" "effect_from_var" {
  statement {
    effect    = var.effect
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "effect_from_var" {
  name   = "effect-from-var"
  policy = data.aws_iam_policy_document.effect_from_var.json
}

# A dynamic statement over an unknown collection.
data "aws_iam_policy_document" "dynamic" {
  dynamic "statement" {
    for_each = var.actions
    content {
      actions   = [statement.value]
      resources = ["*"]
    }
  }
}
