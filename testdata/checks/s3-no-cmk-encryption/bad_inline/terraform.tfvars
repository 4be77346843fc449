data_key = "alias/aws/s3"
