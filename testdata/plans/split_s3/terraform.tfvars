buckets = {
  reports = { versioned = true }
  site    = { versioned = false }
}
