terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_iam_policy" "reader" {
  name = "reader"
  policy = templatefile("${path.module}/policies/reader.json.tftpl", {
    bucket = "acme-reports"
  })
}

# Bait: the guardrail denies everything outside one region.
resource "aws_iam_policy" "guardrail" {
  name   = "guardrail"
  policy = file("${path.module}/policies/guardrail.json")
}
