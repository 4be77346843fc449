archive_key = "alias/example-corp-archive"
