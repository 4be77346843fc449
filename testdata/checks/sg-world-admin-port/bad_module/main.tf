terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = "eu-central-1"
}

module "jump_host_sg" {
  source        = "./modules/sg"
  name          = "jump"
  vpc_id        = "vpc-0a1b2c3d4e5f67890"
  port          = 22
  allowed_cidrs = ["0.0.0.0/0"]
}

module "redis_sg" {
  source        = "./modules/sg"
  name          = "redis"
  vpc_id        = "vpc-0a1b2c3d4e5f67890"
  port          = 6379
  allowed_cidrs = ["10.0.0.0/8"]
}

module "grafana_sg" {
  source        = "./modules/sg"
  name          = "grafana"
  vpc_id        = "vpc-0a1b2c3d4e5f67890"
  port          = 3000
  allowed_cidrs = ["0.0.0.0/0"]
}
