terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
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
        # Bait: Principal "*" narrowed to the organization.
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.alerts.arn
        Condition = {
          StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" }
        }
      },
      {
        # Bait: narrowed to one source ARN and account.
        Effect    = "Allow"
        Principal = "*"
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.alerts.arn
        Condition = {
          ArnLike      = { "aws:SourceArn" = "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:*" }
          StringEquals = { "AWS:SourceAccount" = "111122223333" }
        }
      },
      {
        # Bait: Deny to everyone is a guardrail.
        Effect    = "Deny"
        Principal = "*"
        Action    = "sns:*"
        Resource  = aws_sns_topic.alerts.arn
        Condition = {
          Bool = { "aws:SecureTransport" = "false" }
        }
      },
      {
        # Bait: multivalued org path with ForAnyValue narrows.
        Effect    = "Allow"
        Principal = { AWS = ["*"] }
        Action    = "sns:Subscribe"
        Resource  = aws_sns_topic.alerts.arn
        Condition = {
          "ForAnyValue:StringLike" = { "aws:PrincipalOrgPaths" = ["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"] }
        }
      },
    ]
  })
}

# Bait: the AWS-managed key policy shape, narrowed by kms:CallerAccount.
data "aws_iam_policy_document" "key" {
  statement {
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:CallerAccount"
      values   = ["111122223333"]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["ec2.eu-west-1.amazonaws.com"]
    }
  }
}

resource "aws_kms_key" "ebs" {
  description         = "ebs"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.key.json
}

resource "aws_lambda_permission" "from_bucket" {
  statement_id   = "AllowS3"
  action         = "lambda:InvokeFunction"
  function_name  = "thumbnails"
  principal      = "*"
  source_arn     = "arn:aws:s3:::acme-uploads"
  source_account = "111122223333"
}

resource "aws_lambda_layer_version_permission" "org" {
  layer_name      = "arn:aws:lambda:eu-west-1:111122223333:layer:common"
  version_number  = 3
  statement_id    = "org"
  action          = "lambda:GetLayerVersion"
  principal       = "*"
  organization_id = "o-a1b2c3d4e5"
}
