# An action that needs Resource "*" does not excuse the others beside it.
resource "aws_iam_role_policy" "app" {
  name = "app"
  role = "app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["xray:PutTraceSegments", "s3:PutObject"]
      Resource = "*" # want "iam-wildcard-resource"
    }]
  })
}
