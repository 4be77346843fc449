variable "name" {
  type = string
}

variable "runtime" {
  type = string
}

resource "aws_lambda_function" "this" {
  function_name = var.name
  role          = "arn:aws:iam::111122223333:role/${var.name}"
  runtime       = var.runtime # want "lambda-deprecated-runtime"
  handler       = "index.handler"
  filename      = "build/${var.name}.zip"
}
