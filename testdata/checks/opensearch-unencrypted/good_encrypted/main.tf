resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }

  node_to_node_encryption {
    enabled = true
  }

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}

resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"

  encrypt_at_rest {
    enabled = true
  }

  node_to_node_encryption {
    enabled = true
  }
}

variable "encrypt" {
  type = bool
}

variable "n2n" {
  type = list(bool)
}

resource "aws_opensearch_domain" "unknown" {
  domain_name = "unknown"

  encrypt_at_rest {
    enabled = var.encrypt
  }

  dynamic "node_to_node_encryption" {
    for_each = var.n2n
    content {
      enabled = node_to_node_encryption.value
    }
  }
}
