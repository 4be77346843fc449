module "notifications" {
  source = "./modules/topic"
  name   = "notifications"
}
