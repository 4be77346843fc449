resource "aws_vpc" "main" {
  cidr_block = "10.3.0.0/16"
}

# Deny SSH and RDP first, then open the rest: the allow never matches them.
resource "aws_network_acl" "public" {
  vpc_id = aws_vpc.main.id

  ingress {
    rule_no    = 50
    action     = "deny"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 51
    action     = "deny"
    protocol   = "tcp"
    from_port  = 3389
    to_port    = 3389
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 0
    to_port    = 65535
    cidr_block = "0.0.0.0/0"
  }
}

# The same with separate rule resources, the deny split in two halves.
resource "aws_network_acl" "split" {
  vpc_id = aws_vpc.main.id
}

resource "aws_network_acl_rule" "deny_low" {
  network_acl_id = aws_network_acl.split.id
  rule_number    = 10
  protocol       = "-1"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/1"
}

resource "aws_network_acl_rule" "deny_high" {
  network_acl_id = aws_network_acl.split.id
  rule_number    = 11
  protocol       = "-1"
  rule_action    = "deny"
  cidr_block     = "128.0.0.0/1"
}

resource "aws_network_acl_rule" "allow_all" {
  network_acl_id = aws_network_acl.split.id
  rule_number    = 100
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}
