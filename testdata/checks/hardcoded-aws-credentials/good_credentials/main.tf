variable "aws_access_key" {
  type        = string
  description = "Set through TF_VAR_aws_access_key in CI, never in a file."
}

variable "aws_secret_key" {
  type      = string
  sensitive = true
}

provider "aws" {
  region  = "eu-west-1"
  profile = "shop-prod"
}

provider "aws" {
  alias  = "deploy"
  region = "eu-west-1"

  assume_role {
    role_arn     = "arn:aws:iam::111122223333:role/deploy"
    session_name = "terraform"
  }
}

# Credentials from variables with no default: not in the repository.
provider "aws" {
  alias      = "ci"
  region     = "eu-west-1"
  access_key = var.aws_access_key
  secret_key = var.aws_secret_key
}

# LocalStack for integration tests: dummy keys.
provider "aws" {
  alias                       = "local"
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true

  endpoints {
    s3  = "http://localhost:4566"
    sqs = "http://localhost:4566"
  }
}

resource "aws_ssm_document" "runbook" {
  name          = "rotate-keys"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    description   = "Example from the IAM User Guide: AKIAIOSFODNN7EXAMPLE"
    mainSteps = [{
      action = "aws:runShellScript"
      name   = "rotate"
      inputs = { runCommand = ["echo rotating"] }
    }]
  })
}

resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })

  tags = {
    # A role's unique ID is not a credential.
    LegacyRoleId = "AROAONUSFAKEROLE0001"
    # Not a key: too long, and part of a bigger token.
    Build = "XAKIAONUSFAKEKEY00001X"
  }
}
