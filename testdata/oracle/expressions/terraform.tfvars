buckets = {
  assets = {}
  logs   = { versioning = false, tags = { Retention = "90d" } }
}
