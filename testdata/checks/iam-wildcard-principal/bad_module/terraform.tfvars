queues = {
  internal = { org_id = "o-a1b2c3d4e5" }
  public   = { org_id = "" }
}
