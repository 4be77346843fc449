# A module from the registry: onus cannot read it without terraform init,
# but Terraform's plan holds its resources, and the plan scan checks them.
module "assets" {
  source  = "onus-sec/bucket/aws"
  version = "1.0.0"

  name = "onus-plan-assets"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 20
  encrypted         = true
}
