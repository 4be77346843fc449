variable "actions" {
  type = list(string)
}

data "aws_iam_policy_document" "this" {
  statement {
    actions   = var.actions # want "iam-wildcard-action"
    resources = ["arn:aws:kms:eu-west-1:111122223333:key/0b1f3c1e-1111-2222-3333-444455556666"]
  }
}

resource "aws_iam_policy" "this" {
  name   = "worker"
  policy = data.aws_iam_policy_document.this.json
}
