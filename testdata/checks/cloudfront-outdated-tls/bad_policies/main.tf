variable "certificate_arn" {
  type = string
}

variable "security_policy" {
  type    = string
  default = "TLSv1.2_2019"
}

locals {
  origin = {
    domain_name = "origin.example.com"
    origin_id   = "origin"
  }
}

# The *.cloudfront.net certificate: CloudFront forces TLSv1 whatever is set.
resource "aws_cloudfront_distribution" "preview" {
  enabled = true

  origin {
    domain_name = local.origin.domain_name
    origin_id   = local.origin.origin_id

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "origin"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true # want "cloudfront-outdated-tls"
  }
}

# A custom certificate with no minimum: the provider default is TLSv1.
resource "aws_cloudfront_distribution" "www" {
  enabled = true
  aliases = ["www.example.com"]

  origin {
    domain_name = local.origin.domain_name
    origin_id   = local.origin.origin_id

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "origin"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate { # want "cloudfront-outdated-tls"
    acm_certificate_arn = var.certificate_arn
    ssl_support_method  = "sni-only"
  }
}

# TLS 1.2 but the 2019 cipher list, from a variable default.
resource "aws_cloudfront_distribution" "shop" {
  enabled = true
  aliases = ["shop.example.com"]

  origin {
    domain_name = local.origin.domain_name
    origin_id   = local.origin.origin_id

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "origin"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = var.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = var.security_policy # want "cloudfront-outdated-tls"
  }
}

resource "aws_cloudfront_distribution" "legacy" {
  enabled = true
  aliases = ["legacy.example.com"]

  origin {
    domain_name = local.origin.domain_name
    origin_id   = local.origin.origin_id

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "origin"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    iam_certificate_id       = "ASCAJZ3M6YBKF2LNEXAMPLE"
    ssl_support_method       = "vip"
    minimum_protocol_version = "TLSv1" # want "cloudfront-outdated-tls"
  }
}
