archive_bucket_name = "example-corp-archive"
