reporting_public = true
