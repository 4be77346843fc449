scratch_versioning = "Disabled"
