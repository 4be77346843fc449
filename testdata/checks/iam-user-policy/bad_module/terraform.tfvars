people = ["bob", "carol"]
