variable "smtp_password" {
  type      = string
  sensitive = true
  default   = "mail-Pa55word"
}

locals {
  common_env = {
    LOG_LEVEL = "info"
  }
}

resource "aws_iam_role" "fn" {
  name = "webhook"
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
  function_name = "order-webhook"
  role          = aws_iam_role.fn.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "webhook.zip"

  environment {
    variables = merge(local.common_env, {
      STRIPE_API_KEY = "sk_live_51HqLyjWDarjtT1zdp7dc"           # want "lambda-env-secrets"
      SMTP_PASSWORD  = var.smtp_password                          # want "lambda-env-secrets"
      DATABASE_URL   = "postgres://orders:hunter22@db:5432/orders" # want "lambda-env-secrets"
      githubToken    = "ghp_R4nd0mT0k3nV4lu3F0rT3st1ng00000"     # want "lambda-env-secrets"
      # Bait: not secrets, or pointers to where the secret lives.
      DB_SECRET_ARN       = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:orders-db-AbCdEf"
      API_KEY_PARAMETER   = "/orders/api-key"
      TOKEN_TTL_SECONDS   = "3600"
      ENABLE_TOKEN_AUTH   = "true"
      PASSWORD_MIN_LENGTH = "14"
      BYPASS_CACHE        = "1"
      SECRET_NAME         = "orders/db"
      EMPTY_TOKEN         = ""
    })
  }
}
