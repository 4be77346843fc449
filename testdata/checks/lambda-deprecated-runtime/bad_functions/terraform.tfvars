workers = {
  resize = "go1.x"
  report = "provided.al2023"
}
