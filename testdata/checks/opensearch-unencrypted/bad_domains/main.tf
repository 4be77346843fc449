resource "aws_opensearch_domain" "search" { # want "opensearch-unencrypted" "opensearch-unencrypted"
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    instance_type  = "r6g.large.search"
    instance_count = 2
  }

  ebs_options {
    ebs_enabled = true
    volume_size = 100
  }
}

resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  encrypt_at_rest {
    enabled = false # want "opensearch-unencrypted"
  }

  node_to_node_encryption {
    enabled = true
  }
}

# The legacy resource type, same defaults.
resource "aws_elasticsearch_domain" "legacy" { # want "opensearch-unencrypted"
  domain_name           = "legacy"
  elasticsearch_version = "7.10"

  encrypt_at_rest {
    enabled = true
  }
}
