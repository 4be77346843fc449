queues = {
  payments = { sse = false }
}
