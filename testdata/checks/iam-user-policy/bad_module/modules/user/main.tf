variable "name" {
  type = string
}

resource "aws_iam_user" "this" {
  name = var.name
}

resource "aws_iam_user_policy_attachment" "this" {
  user       = aws_iam_user.this.name # want "iam-user-policy" "iam-user-policy"
  policy_arn = "arn:aws:iam::aws:policy/IAMUserChangePassword"
}
