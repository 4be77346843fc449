db_password = "changeme-later"
