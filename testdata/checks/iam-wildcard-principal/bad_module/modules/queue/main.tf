variable "name" {
  type = string
}

variable "org_id" {
  type = string
}

resource "aws_sqs_queue" "this" {
  name = var.name
}

data "aws_iam_policy_document" "this" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.this.arn]
    principals {
      type        = "AWS"
      identifiers = ["*"] # want "iam-wildcard-principal"
    }
    dynamic "condition" {
      for_each = var.org_id == "" ? [] : [var.org_id]
      content {
        test     = "StringEquals"
        variable = "aws:PrincipalOrgID"
        values   = [condition.value]
      }
    }
  }
}

resource "aws_sqs_queue_policy" "this" {
  queue_url = aws_sqs_queue.this.id
  policy    = data.aws_iam_policy_document.this.json
}
