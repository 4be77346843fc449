roles = {
  reader = {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
  }
  operator = {
    actions   = ["*"]
    resources = ["*"]
  }
}
