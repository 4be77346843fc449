terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

data "aws_iam_policy_document" "queue_admin" {
  statement {
    sid       = "Queues"
    actions   = ["sqs:*"] # want "iam-wildcard-action"
    resources = ["arn:aws:sqs:eu-west-1:111122223333:jobs-*"]
  }
}

# The wide statement comes from the source document and is reported there,
# once, not again in the document that merges it.
data "aws_iam_policy_document" "worker" {
  source_policy_documents = [data.aws_iam_policy_document.queue_admin.json]

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["arn:aws:logs:eu-west-1:111122223333:log-group:/jobs:*"]
  }
}

resource "aws_iam_role_policy" "worker" {
  name   = "worker"
  role   = "worker"
  policy = data.aws_iam_policy_document.worker.json
}
