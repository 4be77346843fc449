allow_public_policy = true
