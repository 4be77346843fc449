region      = "eu-west-1"
environment = "staging"

# "Temporary" while the VPN is being set up.
admin_cidrs = ["0.0.0.0/0"]

db_password = "Sup3rSecretPassw0rd!"
