resource "aws_vpc" "main" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_network_acl" "app" {
  vpc_id = aws_vpc.main.id
}

locals {
  app_ingress = {
    "100" = { protocol = "tcp", from = 443, to = 443, cidr = "0.0.0.0/0" }
    "110" = { protocol = "tcp", from = 3389, to = 3389, cidr = "0.0.0.0/0" }
    "120" = { protocol = "tcp", from = 22, to = 22, cidr = "10.1.0.0/16" }
  }
}

resource "aws_network_acl_rule" "app_ingress" {
  for_each       = local.app_ingress
  network_acl_id = aws_network_acl.app.id
  rule_number    = tonumber(each.key)
  egress         = false
  protocol       = each.value.protocol
  rule_action    = "allow"
  from_port      = each.value.from
  to_port        = each.value.to
  cidr_block     = each.value.cidr # want "nacl-world-admin-port"
}

resource "aws_network_acl_rule" "everything_v6" {
  network_acl_id  = aws_network_acl.app.id
  rule_number     = 200
  protocol        = "-1"
  rule_action     = "allow"
  ipv6_cidr_block = "::/0" # want "nacl-world-admin-port"
}

# SSH over UDP counts too (CIS 5.1 names TCP, UDP and all protocols).
resource "aws_network_acl_rule" "udp" {
  network_acl_id = aws_network_acl.app.id
  rule_number    = 210
  protocol       = "udp"
  rule_action    = "allow"
  from_port      = 0
  to_port        = 1023
  cidr_block     = "0.0.0.0/0" # want "nacl-world-admin-port"
}

# Bait: an egress rule.
resource "aws_network_acl_rule" "out" {
  network_acl_id = aws_network_acl.app.id
  rule_number    = 100
  egress         = true
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}
