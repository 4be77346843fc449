public_ports = {
  https     = 443
  minecraft = 25565
}
