module "auth" {
  source  = "./modules/fn"
  name    = "auth"
  runtime = "nodejs16.x"
}

# Bait: the same module on a supported runtime.
module "search" {
  source  = "./modules/fn"
  name    = "search"
  runtime = "nodejs22.x"
}
