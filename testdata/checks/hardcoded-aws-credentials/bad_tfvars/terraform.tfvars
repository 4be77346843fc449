aws_access_key = "AKIAONUSFAKEKEY00003"
aws_secret_key = "onusFakeSecretKeyForTestsOnly00000000004"
