resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"

  ebs_options {
    ebs_enabled = true
    volume_size = 20
  }

  domain_endpoint_options {
    enforce_https = false # want "opensearch-no-https"
  }
}
