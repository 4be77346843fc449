resource "aws_secretsmanager_secret" "stripe" {
  name = "order-webhook/stripe-api-key"
}

resource "aws_lambda_function" "webhook" {
  function_name = "order-webhook"
  role          = "arn:aws:iam::111122223333:role/order-webhook"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "webhook.zip"

  environment {
    variables = {
      STAGE                 = "prod"
      STRIPE_API_KEY_SECRET = aws_secretsmanager_secret.stripe.arn
    }
  }
}
