resource "aws_ecr_repository" "api" { # want "ecr-no-cmk"
  name                 = "api"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "worker" {
  name = "worker"

  encryption_configuration {
    encryption_type = "AES256" # want "ecr-no-cmk"
  }
}

resource "aws_ecr_repository" "jobs" {
  name = "jobs"

  encryption_configuration {
    encryption_type = "KMS" # want "ecr-no-cmk"
  }
}

resource "aws_ecr_repository" "batch" {
  name = "batch"

  encryption_configuration {
    encryption_type = "KMS_DSSE"
    kms_key         = "arn:aws:kms:eu-west-1:111122223333:alias/aws/ecr" # want "ecr-no-cmk"
  }
}

resource "aws_ecr_repository" "tools" {
  name = "tools"

  encryption_configuration { # want "ecr-no-cmk"
  }
}
