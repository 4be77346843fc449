variable "vpc_id" {
  type = string
}

variable "blocked_ports" {
  type = list(number)
}

variable "acl_id" {
  type = string
}

resource "aws_network_acl" "edge" {
  vpc_id = var.vpc_id

  # Denies not known at scan time may shadow the allow below.
  dynamic "ingress" {
    for_each = var.blocked_ports
    content {
      rule_no    = 10 + ingress.key
      action     = "deny"
      protocol   = "tcp"
      from_port  = ingress.value
      to_port    = ingress.value
      cidr_block = "0.0.0.0/0"
    }
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

# An allow on an ACL named by an unknown ID, next to a deny whose number is
# unknown: the deny might come first in the same ACL.
variable "deny_rule_number" {
  type = number
}

resource "aws_network_acl_rule" "deny_ssh" {
  network_acl_id = var.acl_id
  rule_number    = var.deny_rule_number
  protocol       = "tcp"
  rule_action    = "deny"
  from_port      = 22
  to_port        = 22
  cidr_block     = "0.0.0.0/0"
}

resource "aws_network_acl_rule" "allow_ssh" {
  network_acl_id = var.acl_id
  rule_number    = 200
  protocol       = "tcp"
  rule_action    = "allow"
  from_port      = 22
  to_port        = 22
  cidr_block     = "0.0.0.0/0"
}

variable "source_cidr" {
  type = string
}

resource "aws_network_acl_rule" "unknown_source" {
  network_acl_id = var.acl_id
  rule_number    = 300
  protocol       = "tcp"
  rule_action    = "allow"
  from_port      = 3389
  to_port        = 3389
  cidr_block     = var.source_cidr
}
