downloads_acl = "public-read-write"
