resource "aws_lambda_function" "webhook" {
  function_name = "order-webhook"
  role          = "arn:aws:iam::111122223333:role/order-webhook"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "webhook.zip"

  environment {
    variables = {
      STAGE          = "prod"
      STRIPE_API_KEY = "sk_live_51HqLyjWDarjtT1zdp7dc" # want "lambda-env-secrets"
    }
  }
}
