variable "name" {
  type = string
}

variable "queue_actions" {
  type = list(string)
}

variable "queue_arns" {
  type    = list(string)
  default = ["*"]
}

resource "aws_iam_role_policy" "app" {
  name = "${var.name}-queues"
  role = var.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = var.queue_actions
      Resource = var.queue_arns # want "iam-wildcard-resource"
    }]
  })
}
