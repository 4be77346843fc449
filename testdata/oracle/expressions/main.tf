# Expressions whose value Terraform knows at plan time and onus must know
# the same: functions, conditionals, for expressions, splats, templates,
# count and for_each over computed collections, nested module instances.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "env" {
  type    = string
  default = "prod"
}

variable "azs" {
  type    = list(string)
  default = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

variable "buckets" {
  type = map(object({
    versioning = optional(bool, true)
    tags       = optional(map(string), {})
  }))
}

variable "enable_extra" {
  type    = bool
  default = false
}

locals {
  name       = "shop-${var.env}"
  cidr       = "10.20.0.0/16"
  subnets    = { for i, az in var.azs : az => cidrsubnet(local.cidr, 8, i) }
  tags       = merge({ Environment = var.env }, { Owner = "platform", Name = upper(local.name) })
  ports      = toset(["443", "80", "8443"])
  admin_cidr = try(var.buckets["missing"].tags["cidr"], "192.168.0.0/24")
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [for p in sort(tolist(local.ports)) : {
      Sid      = "Port${p}"
      Effect   = "Allow"
      Action   = ["ec2:DescribeInstances"]
      Resource = "*"
    }]
  })
}

resource "aws_vpc" "main" {
  cidr_block           = local.cidr
  enable_dns_hostnames = "true"
  tags                 = local.tags
}

resource "aws_subnet" "private" {
  for_each          = local.subnets
  vpc_id            = aws_vpc.main.id
  availability_zone = each.key
  cidr_block        = each.value
  tags              = merge(local.tags, { Tier = "private", Index = index(var.azs, each.key) })
}

resource "aws_subnet" "extra" {
  count      = var.enable_extra ? 2 : 0
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(local.cidr, 8, 100 + count.index)
}

resource "aws_security_group" "web" {
  name_prefix = "${local.name}-web-"
  description = format("%s web tier (%d ports)", title(var.env), length(local.ports))
  vpc_id      = aws_vpc.main.id

  dynamic "ingress" {
    for_each = local.ports
    iterator = port
    content {
      description = "port ${port.value}"
      from_port   = tonumber(port.value)
      to_port     = port.value
      protocol    = "tcp"
      cidr_blocks = [local.admin_cidr, aws_vpc.main.cidr_block]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_s3_bucket" "data" {
  for_each = var.buckets
  bucket   = lower("${local.name}-${each.key}")
  tags     = merge(local.tags, each.value.tags)
}

resource "aws_s3_bucket_versioning" "data" {
  for_each = { for k, v in var.buckets : k => v if v.versioning }
  bucket   = aws_s3_bucket.data[each.key].id
  versioning_configuration {
    status = each.value.versioning ? "Enabled" : "Suspended"
  }
}

resource "aws_iam_policy" "describe" {
  name   = "${local.name}-describe"
  policy = local.policy
}

resource "aws_iam_policy" "heredoc" {
  name        = "${local.name}-heredoc"
  description = <<-EOT
    Read ${join(", ", [for b in keys(var.buckets) : "s3://${b}"])}
    %{if var.env == "prod"}production%{else}other%{endif}
  EOT
  policy      = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${local.name}-*/*"}]
    }
  EOT
}

resource "aws_ebs_volume" "data" {
  count             = length(var.azs) - 1
  availability_zone = element(var.azs, count.index)
  size              = pow(2, count.index + 4)
  encrypted         = count.index % 2 == 0
  type              = coalesce("", "gp3")
  tags              = { for k, v in local.tags : k => v if k != "Owner" }
}

module "net" {
  source   = "./modules/net"
  for_each = toset(["blue", "green"])
  name     = "${local.name}-${each.key}"
  vpc_id   = aws_vpc.main.id
  ports    = each.key == "blue" ? [22] : []
}

resource "aws_cloudwatch_log_group" "flow" {
  name              = "/vpc/${local.name}/${module.net["blue"].sg_name}"
  retention_in_days = max(7, 30, length(var.azs))
}
