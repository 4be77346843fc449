resource "aws_vpc" "main" {
  cidr_block = "10.30.0.0/16"
}

# The VPC ID comes from outside (a pipeline variable): it may be this VPC.
variable "logged_vpc_id" {
  type = string
}

resource "aws_flow_log" "external" {
  vpc_id               = var.logged_vpc_id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::example-flow-logs"
}
