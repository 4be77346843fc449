variable "cidrs" {
  type = list(string)
}

resource "aws_vpc" "env" { # want "vpc-flow-logs-disabled"
  count      = length(var.cidrs)
  cidr_block = var.cidrs[count.index]
}

# Only the first VPC is logged.
resource "aws_flow_log" "env" {
  vpc_id               = aws_vpc.env[0].id
  traffic_type         = "REJECT"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::example-flow-logs"
}
