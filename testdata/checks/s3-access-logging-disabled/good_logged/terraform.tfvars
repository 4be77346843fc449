log_bucket = "example-corp-central-logs"
