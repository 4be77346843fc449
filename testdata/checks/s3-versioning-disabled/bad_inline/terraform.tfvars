versioning = false
