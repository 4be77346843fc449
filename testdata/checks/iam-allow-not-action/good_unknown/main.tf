terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "excluded" {
  type = list(string)
}

variable "effect" {
  type = string
}

data "aws_iam_policy_document" "maybe" {
  statement {
    effect      = var.effect
    not_actions = ["iam:*"]
    resources   = ["*"]
  }

  # An unknown list may be empty, and then the provider leaves it out.
  statement {
    not_actions = var.excluded
    resources   = ["*"]
  }
}
