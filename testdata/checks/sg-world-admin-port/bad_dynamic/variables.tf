variable "vpc_id" {
  type = string
}

variable "ingress_rules" {
  description = "Ingress rules of the database security group"
  type = list(object({
    description = string
    port        = number
    cidr_blocks = list(string)
  }))
  default = []
}
