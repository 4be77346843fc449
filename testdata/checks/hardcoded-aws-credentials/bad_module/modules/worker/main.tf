variable "region" {
  type = string
}

variable "key_id" {
  type = string
}

resource "aws_ecs_task_definition" "worker" {
  family = "worker"
  container_definitions = jsonencode([{ # want "hardcoded-aws-credentials"
    name  = "worker"
    image = "public.ecr.aws/docker/library/busybox:latest"
    environment = [
      { name = "AWS_REGION", value = var.region },
      { name = "AWS_ACCESS_KEY_ID", value = var.key_id },
    ]
  }])
}

resource "aws_lambda_function" "sync" {
  function_name = "sync"
  role          = "arn:aws:iam::111122223333:role/sync"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "sync.zip"

  environment {
    variables = {
      LEGACY_KEY_ID = var.key_id # want "hardcoded-aws-credentials"
      REGION        = var.region
    }
  }
}
