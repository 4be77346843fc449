volumes = {
  analytics = { encrypted = true }
  scratch   = { encrypted = false }
}
