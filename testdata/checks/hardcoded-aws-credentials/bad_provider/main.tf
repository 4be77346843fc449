terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAONUSFAKEKEY00005"                     # want "hardcoded-aws-credentials"
  secret_key = "onusFakeSecretKeyForTestsOnly00000000001" # want "hardcoded-aws-credentials"
}

variable "backup_secret" {
  type      = string
  sensitive = true
  default   = "onusFakeSecretKeyForTestsOnly00000000002"
}

provider "aws" {
  alias      = "backup"
  region     = "eu-central-1"
  access_key = "AKIAONUSFAKEKEY00006"    # want "hardcoded-aws-credentials"
  secret_key = var.backup_secret         # want "hardcoded-aws-credentials"
}

resource "aws_ssm_parameter" "ci" {
  name  = "/ci/deploy"
  type  = "String"
  value = jsonencode({ key_id = "ASIAONUSFAKEKEY00008", region = "eu-west-1" }) # want "hardcoded-aws-credentials"
}
