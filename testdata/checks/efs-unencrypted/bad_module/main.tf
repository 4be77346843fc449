module "cache_fs" {
  source    = "./modules/fs"
  name      = "build-cache"
  encrypted = false
}

# Bait: the same module, encrypted.
module "home_fs" {
  source    = "./modules/fs"
  name      = "home"
  encrypted = true
}
