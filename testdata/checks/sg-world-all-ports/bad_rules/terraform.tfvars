open_everything = true
