# Left over from before SSO: the old deploy user's keys, for the account that
# holds the backups. (Fake keys: this is an example.)
provider "aws" {
  alias      = "backup"
  region     = "eu-central-1"
  access_key = "AKIAONUSFAKEKEY00042"
  secret_key = "onusFakeSecretKeyForTestsOnly00000000042"
}
