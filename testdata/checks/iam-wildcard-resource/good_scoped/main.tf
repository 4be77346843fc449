terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

data "aws_iam_policy_document" "uploads" {
  statement {
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.uploads.arn}/*"]
  }

  # Resource "*" scoped by a resource tag, as AWS managed policies do.
  statement {
    actions   = ["ec2:StopInstances", "ec2:StartInstances"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/team"
      values   = ["payments"]
    }
  }

  # Any value of a tag still needs the tag: only volumes the driver tagged.
  statement {
    actions   = ["ec2:DeleteVolume"]
    resources = ["*"]
    condition {
      test     = "StringLike"
      variable = "ec2:ResourceTag/CSIVolumeName"
      values   = ["*"]
    }
  }

  # iam:PassRole on "*" limited to one service.
  statement {
    actions   = ["iam:PassRole"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "uploads" {
  name   = "uploads"
  policy = data.aws_iam_policy_document.uploads.json
}

# Batch reads on any repository write nothing.
resource "aws_iam_policy" "pull" {
  name = "pull"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ecr:BatchGetImage", "ecr:BatchCheckLayerAvailability"]
      Resource = "*"
    }]
  })
}
