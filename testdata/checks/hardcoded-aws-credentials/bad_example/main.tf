provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAONUSFAKEKEY00005"                     # want "hardcoded-aws-credentials"
  secret_key = "onusFakeSecretKeyForTestsOnly00000000001" # want "hardcoded-aws-credentials"
}
