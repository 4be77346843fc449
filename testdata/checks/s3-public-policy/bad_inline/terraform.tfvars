downloads_policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "*"},
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::example-corp-downloads", "arn:aws:s3:::example-corp-downloads/*"]
    }
  ]
}
POLICY
