variable "subnet_ids" {
  type = list(string)
}

variable "enforce_https" {
  type    = bool
  default = false
}

# No domain_endpoint_options at all: HTTP is accepted.
resource "aws_opensearch_domain" "logs" { # want "opensearch-no-https"
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    instance_type  = "r6g.large.search"
    instance_count = 2
  }

  ebs_options {
    ebs_enabled = true
    volume_size = 100
  }

  encrypt_at_rest {
    enabled = true
  }

  node_to_node_encryption {
    enabled = true
  }

  vpc_options {
    subnet_ids = var.subnet_ids
  }
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
    enforce_https = var.enforce_https # want "opensearch-no-https"
  }
}

# HTTPS required, but TLS 1.0 still accepted.
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
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07" # want "opensearch-no-https"
  }
}
