terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

# A trust policy open to every AWS account.
resource "aws_iam_role" "partner" {
  name = "partner-access"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" } # want "iam-wildcard-principal"
    }]
  })
}

resource "aws_sqs_queue" "events" {
  name = "events"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*" # want "iam-wildcard-principal"
      Action    = "sqs:SendMessage"
      Resource  = "*"
    }]
  })
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # Secure transport and set operators that match an absent key do
        # not say who.
        Effect = "Allow"
        Principal = {
          AWS = [
            "arn:aws:iam::111122223333:root",
            "*", # want "iam-wildcard-principal"
          ]
        }
        Action   = "sns:Publish"
        Resource = aws_sns_topic.alerts.arn
        Condition = {
          Bool                        = { "aws:SecureTransport" = "true" }
          "ForAllValues:StringEquals" = { "aws:PrincipalOrgPaths" = ["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/"] }
          StringEqualsIfExists        = { "aws:SourceVpce" = "vpce-0a1b2c3d4e5f67890" }
          StringLike                  = { "aws:PrincipalOrgID" = "*" }
          StringNotEquals             = { "aws:SourceAccount" = "444455556666" }
          "ForAnyValue:StringNotLike" = { "aws:PrincipalOrgPaths" = ["o-a1b2c3d4e5/*"] }
        }
      },
    ]
  })
}
