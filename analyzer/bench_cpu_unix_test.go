//go:build unix

package analyzer_test

import (
	"syscall"
	"time"
)

// cpuTime returns the user and system CPU time the process has used so
// far. Benchmarks report it per operation beside the wall time, because on
// a shared machine the wall time measures the neighbours as much as onus.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
