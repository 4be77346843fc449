resource "aws_cloudwatch_log_group" "app" { # want "logs-no-cmk"
  name              = "/app/web"
  retention_in_days = 30
}

locals {
  functions = ["resize", "thumbnail"]
}

resource "aws_cloudwatch_log_group" "lambda" { # want "logs-no-cmk" "logs-no-cmk"
  count = length(local.functions)

  name              = "/aws/lambda/${local.functions[count.index]}"
  retention_in_days = 14
}
