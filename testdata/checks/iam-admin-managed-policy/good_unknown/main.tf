terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "policy_arn" {
  type = string
}

resource "aws_iam_policy" "app" {
  name = "app"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-app/*" }]
  })
}

resource "aws_iam_role_policy_attachment" "from_var" {
  role       = "app"
  policy_arn = var.policy_arn
}

resource "aws_iam_role_policy_attachment" "own" {
  role       = "app"
  policy_arn = aws_iam_policy.app.arn
}
