package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
)

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

	runtime.GC()
	governMemory()
	start := debug.SetMemoryLimit(-1)
	if start < minLimit || start == math.MaxInt64 {
		t.Fatalf("limit after load = %d, want at least %d", start, minLimit)
	}
	// A live heap past what the limit allows for raises it at the next
	// collection.
	hold := make([][]byte, 0, 64)
	for range 64 {
		hold = append(hold, make([]byte, 2<<20))
	}
	for range 3 {
		runtime.GC()
	}
	// Cleanups run on their own goroutine after the collection.
	for i := 0; i < 100 && debug.SetMemoryLimit(-1) == start; i++ {
		runtime.GC()
		runtime.Gosched()
	}
	if got := debug.SetMemoryLimit(-1); got <= start || float64(got) < limitAfterGC*float64(len(hold)*(2<<20)) {
		t.Fatalf("limit = %d after holding %d bytes, want it raised to %.2f times the live heap", got, len(hold)*(2<<20), limitAfterGC)
	}
	runtime.KeepAlive(hold)
}
