shared_acl = "public-read"
