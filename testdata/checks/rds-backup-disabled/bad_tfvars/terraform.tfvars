# Saves money in the sandbox account.
backup_days = 0
