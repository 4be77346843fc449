# Order webhook, written when Python 3.8 was current and not touched since.
resource "aws_iam_role" "webhook" {
  name = "${local.name}-webhook"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_lambda_function" "webhook" {
  function_name = "${local.name}-order-webhook"
  role          = aws_iam_role.webhook.arn
  runtime       = "python3.8"
  handler       = "app.handler"
  filename      = "build/webhook.zip"

  environment {
    variables = {
      STAGE           = var.environment
      PAYMENT_API_KEY = "pk_live_51HqLyjWDarjtT1zdp7dc"
    }
  }
}
