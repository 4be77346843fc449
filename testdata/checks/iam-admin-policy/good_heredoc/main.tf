terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_iam_role_policy" "worker" {
  name = "worker"
  role = "worker"

  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage"],
          "Resource": "${aws_sqs_queue.jobs.arn}"
        },
        {
          "Effect": "Deny",
          "Action": "*",
          "Resource": "*",
          "Condition": {"Bool": {"aws:SecureTransport": "false"}}
        }
      ]
    }
  EOT
}
