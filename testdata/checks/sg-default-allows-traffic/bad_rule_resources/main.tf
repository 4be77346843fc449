resource "aws_vpc" "main" {
  cidr_block = "10.90.0.0/16"
}

resource "aws_vpc_security_group_ingress_rule" "into_default" {
  security_group_id = aws_vpc.main.default_security_group_id # want "sg-default-allows-traffic"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = aws_vpc.main.cidr_block
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id
}

# Bait: a rule on the workload's own group.
resource "aws_vpc_security_group_ingress_rule" "app" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = aws_vpc.main.cidr_block
}
