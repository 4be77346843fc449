package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
)

// collectUntil runs collections until the limit differs from was (the
// governor hears of a collection on its own goroutine) and returns it.
func collectUntil(was int64) int64 {
	for i := 0; i < 100; i++ {
		runtime.GC()
		runtime.Gosched()
		if got := debug.SetMemoryLimit(-1); got != was {
			return got
		}
	}
	return debug.SetMemoryLimit(-1)
}

func TestMemoryLimitFollowsTheLiveHeap(t *testing.T) {
	memoryLimit.mu.Lock()
	on := memoryLimit.on
	memoryLimit.on = true
	memoryLimit.mu.Unlock()
	if on {
		t.Skip("the governor is already on in this process")
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	defer func() {
		memoryLimit.mu.Lock()
		memoryLimit.on = false
		memoryLimit.mu.Unlock()
	}()

	const mb = 1 << 20
	var hold [][]byte
	grow := func(n int) {
		for range n {
			hold = append(hold, make([]byte, mb))
		}
	}
	grow(128)
	runtime.GC()
	governMemory()
	start := debug.SetMemoryLimit(-1)
	if float64(start) < limitAfterLoad*128*mb || start == math.MaxInt64 {
		t.Fatalf("limit after load = %d, want at least %.1f times the 128 MB held", start, limitAfterLoad)
	}

	// A live heap a little past the parse raises the limit to
	// limitAfterGC times itself.
	grow(24)
	raised := collectUntil(start)
	if raised <= start || raised == math.MaxInt64 || float64(raised) < limitAfterGC*152*mb {
		t.Fatalf("limit = %d holding 152 MB after %d at load, want it raised to %.2f times the live heap", raised, start, limitAfterGC)
	}

	// A heap that outgrows its parse has the limit lifted.
	grow(64)
	if got := collectUntil(raised); got != math.MaxInt64 {
		t.Fatalf("limit = %d holding 216 MB after 128 MB at load, want it lifted", got)
	}
	runtime.KeepAlive(hold)
}
