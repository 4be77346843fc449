# A module returns a whole resource; its caller reads attributes only the
# provider computes (bucket_regional_domain_name, hosted_zone_id). Terraform
# knows they exist and are unknown until apply: a fallback in try() must not
# be taken, and no "unsupported attribute" may be reported.
module "site" {
  source = "./modules/bucket"
  name   = "onus-oracle-site"
}

resource "aws_ssm_parameter" "origin" {
  name  = "/site/origin"
  type  = "String"
  value = try(module.site.bucket.bucket_regional_domain_name, "origin.invalid")
}

resource "aws_ssm_parameter" "zone" {
  name  = "/site/zone"
  type  = "String"
  value = module.site.bucket.hosted_zone_id
}
