variable "api_key" {
  type      = string
  sensitive = true
}

data "aws_secretsmanager_secret_version" "db" {
  secret_id = "orders/db"
}

resource "aws_secretsmanager_secret" "stripe" {
  name = "orders/stripe"
}

resource "random_password" "signing" {
  length  = 32
  special = false
}

resource "aws_lambda_function" "webhook" {
  function_name = "order-webhook"
  role          = "arn:aws:iam::111122223333:role/order-webhook"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "webhook.zip"

  environment {
    variables = {
      # Values unknown until apply, or pointers to the secret.
      STRIPE_API_KEY     = var.api_key
      DB_PASSWORD        = data.aws_secretsmanager_secret_version.db.secret_string
      SIGNING_KEY        = random_password.signing.result
      STRIPE_SECRET_ARN  = aws_secretsmanager_secret.stripe.arn
      PASSWORD_ROTATION  = "30"
      DATABASE_URL       = "postgres://db:5432/orders"
      DOCS_URL           = "https://user@docs.example.com/guide"
      TOKEN_ISSUER       = "https://auth.example.com"
      CSRF_TOKEN_HEADER  = "X-CSRF-Token"
      SECRETS_EXTENSION  = "true"
      USE_SECRETS_MANGER = "yes"
    }
  }
}
