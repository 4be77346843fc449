terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_lambda_permission" "anyone" {
  statement_id  = "AllowAnyone"
  action        = "lambda:InvokeFunction"
  function_name = "orders"
  principal     = "*" # want "iam-wildcard-principal"
}

resource "aws_lambda_layer_version_permission" "shared" {
  layer_name     = "arn:aws:lambda:eu-west-1:111122223333:layer:common"
  version_number = 3
  statement_id   = "share"
  action         = "lambda:GetLayerVersion"
  principal      = "*" # want "iam-wildcard-principal"
}
