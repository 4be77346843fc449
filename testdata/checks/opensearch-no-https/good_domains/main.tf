variable "endpoint_options" {
  type = list(object({
    enforce_https       = bool
    tls_security_policy = string
  }))
}

variable "enforce" {
  type = bool
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    instance_type = "m6g.large.search"
  }

  ebs_options {
    ebs_enabled = true
    volume_size = 20
  }

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}

# enforce_https defaults to true inside the block.
resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"

  cluster_config {
    instance_type = "m5.large.elasticsearch"
  }

  ebs_options {
    ebs_enabled = true
    volume_size = 20
  }

  domain_endpoint_options {
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}

# Options from an unknown list, and an unknown flag.
resource "aws_opensearch_domain" "dynamic" {
  domain_name    = "dynamic"
  engine_version = "OpenSearch_2.13"

  ebs_options {
    ebs_enabled = true
    volume_size = 20
  }

  dynamic "domain_endpoint_options" {
    for_each = var.endpoint_options
    content {
      enforce_https       = domain_endpoint_options.value.enforce_https
      tls_security_policy = domain_endpoint_options.value.tls_security_policy
    }
  }
}

resource "aws_opensearch_domain" "flag" {
  domain_name    = "flag"
  engine_version = "OpenSearch_2.13"

  ebs_options {
    ebs_enabled = true
    volume_size = 20
  }

  domain_endpoint_options {
    enforce_https = var.enforce
  }
}
