worker_actions = ["kms:*"]
