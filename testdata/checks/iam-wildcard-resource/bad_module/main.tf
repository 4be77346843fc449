terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

module "app" {
  source        = "./modules/app"
  name          = "orders"
  queue_actions = ["sqs:SendMessage", "sqs:GetQueueUrl"]
}
