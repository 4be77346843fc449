package analyzer

import "runtime"

func parallelism() int { return runtime.GOMAXPROCS(0) }
