partner_token = "pt_9f8e7d6c5b4a39281706"
