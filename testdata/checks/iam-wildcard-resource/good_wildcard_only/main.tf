# Write actions that take no resource ARN: AWS requires Resource "*" for
# them, as its own managed policies write them.
data "aws_iam_policy_document" "sfn_logging" {
  statement {
    sid = "LogDelivery"
    actions = [
      "logs:CreateLogDelivery",
      "logs:GetLogDelivery",
      "logs:UpdateLogDelivery",
      "logs:DeleteLogDelivery",
      "logs:ListLogDeliveries",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "Tracing"
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "sfn_logging" {
  name   = "sfn-logging"
  policy = data.aws_iam_policy_document.sfn_logging.json
}

resource "aws_iam_role_policy" "ssm" {
  name = "session-manager"
  role = "app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = [
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
        "cloudwatch:PutMetricData",
      ]
      Resource = "*"
    }]
  })
}
