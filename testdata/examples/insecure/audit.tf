# Audit trail and search, configured once for a proof of concept.
resource "aws_cloudtrail" "main" {
  name           = "${local.name}-trail"
  s3_bucket_name = "${local.name}-trail-logs"
}

resource "aws_opensearch_domain" "orders" {
  domain_name    = "${local.name}-orders"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    instance_type = "t3.small.search"
  }

  ebs_options {
    ebs_enabled = true
    volume_size = 10
  }
}
