# Credentials come from the environment, a profile, SSO or an assumed role.
provider "aws" {
  region = "eu-west-1"

  assume_role {
    role_arn     = "arn:aws:iam::111122223333:role/terraform"
    session_name = "terraform"
  }
}
