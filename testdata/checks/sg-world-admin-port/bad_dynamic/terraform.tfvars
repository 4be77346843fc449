ingress_rules = [
  { description = "app servers", port = 5432, cidr_blocks = ["10.20.0.0/16"] },
  { description = "analytics vendor", port = 5432, cidr_blocks = ["0.0.0.0/0"] },
  { description = "web", port = 443, cidr_blocks = ["0.0.0.0/0"] },
  { description = "cache for the partner", port = 6379, cidr_blocks = ["0.0.0.0/1", "128.0.0.0/1"] },
]
