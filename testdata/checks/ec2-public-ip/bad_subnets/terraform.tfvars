subnets = {
  public_a  = { cidr = "10.0.1.0/24", az = "eu-west-1a", public = true }
  private_a = { cidr = "10.0.11.0/24", az = "eu-west-1a", public = false }
}
