volume_sizes = { search = 200, queue = 50 }
