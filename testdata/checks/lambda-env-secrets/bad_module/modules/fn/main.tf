variable "name" {
  type = string
}

variable "partner_token" {
  type      = string
  sensitive = true
}

resource "aws_lambda_function" "this" {
  function_name = var.name
  role          = "arn:aws:iam::111122223333:role/partner-sync"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "sync.zip"

  environment {
    variables = {
      PARTNER_TOKEN = var.partner_token # want "lambda-env-secrets" "lambda-env-secrets"
      PARTNER_URL   = "https://partner.example.com/api"
    }
  }
}
