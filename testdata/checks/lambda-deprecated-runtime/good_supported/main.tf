resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::111122223333:role/api"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "build/api.zip"
}

# Deprecated only from 2027-06-30.
resource "aws_lambda_function" "reports" {
  function_name = "reports"
  role          = "arn:aws:iam::111122223333:role/reports"
  runtime       = "java17"
  handler       = "com.acme.Reports::handle"
  filename      = "build/reports.jar"
}

# A container image carries its own runtime.
resource "aws_lambda_function" "ml" {
  function_name = "ml"
  role          = "arn:aws:iam::111122223333:role/ml"
  package_type  = "Image"
  image_uri     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/ml:1.4.2"
}

variable "runtime" {
  type = string
}

resource "aws_lambda_function" "unknown" {
  function_name = "unknown"
  role          = "arn:aws:iam::111122223333:role/unknown"
  runtime       = var.runtime
  handler       = "index.handler"
  filename      = "build/unknown.zip"
}

# Bait: a layer's compatible runtimes describe the layer, not a function.
resource "aws_lambda_layer_version" "shared" {
  layer_name          = "shared"
  filename            = "build/shared.zip"
  compatible_runtimes = ["python3.8", "python3.12"]
}
