variable "excluded" {
  type = list(string)
}

resource "aws_iam_policy" "boundary" {
  name = "boundary"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      NotAction = var.excluded # want "iam-allow-not-action"
      Resource  = "*"
    }]
  })
}
