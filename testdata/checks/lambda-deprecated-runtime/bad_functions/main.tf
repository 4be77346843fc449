# The fixtures run as of 2026-06-01.
resource "aws_lambda_function" "webhook" {
  function_name = "order-webhook"
  role          = "arn:aws:iam::111122223333:role/webhook"
  runtime       = "python3.8" # want "lambda-deprecated-runtime"
  handler       = "app.handler"
  filename      = "build/webhook.zip"
}

# Deprecated 2026-04-30, a month before the scan date.
resource "aws_lambda_function" "thumbnails" {
  function_name = "thumbnails"
  role          = "arn:aws:iam::111122223333:role/thumbnails"
  runtime       = "nodejs20.x" # want "lambda-deprecated-runtime"
  handler       = "index.handler"
  s3_bucket     = "acme-artifacts"
  s3_key        = "thumbnails.zip"
  package_type  = "Zip"
}

# Updates are already blocked for this one.
resource "aws_lambda_function" "ancient" {
  function_name = "ancient"
  role          = "arn:aws:iam::111122223333:role/ancient"
  runtime       = "nodejs12.x" # want "lambda-deprecated-runtime"
  handler       = "index.handler"
  filename      = "build/ancient.zip"
}

variable "workers" {
  type = map(string)
}

resource "aws_lambda_function" "workers" {
  for_each = var.workers

  function_name = "worker-${each.key}"
  role          = "arn:aws:iam::111122223333:role/worker"
  runtime       = each.value # want "lambda-deprecated-runtime"
  handler       = "bootstrap"
  filename      = "build/${each.key}.zip"
}
