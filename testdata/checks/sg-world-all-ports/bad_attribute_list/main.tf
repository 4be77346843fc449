variable "vpc_id" {
  type = string
}

# Rules written as a list argument (attributes-as-blocks syntax): every field
# must be given.
resource "aws_security_group" "legacy" {
  name   = "legacy"
  vpc_id = var.vpc_id

  ingress = [ # want "sg-world-all-ports"
    {
      description      = "web"
      from_port        = 443
      to_port          = 443
      protocol         = "tcp"
      cidr_blocks      = ["0.0.0.0/0"]
      ipv6_cidr_blocks = []
      prefix_list_ids  = []
      security_groups  = []
      self             = false
    },
    {
      description      = "anything"
      from_port        = 0
      to_port          = 0
      protocol         = "-1"
      cidr_blocks      = []
      ipv6_cidr_blocks = ["::/0"]
      prefix_list_ids  = []
      security_groups  = []
      self             = false
    },
  ]

  egress = []
}
