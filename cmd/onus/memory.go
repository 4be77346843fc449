package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// gcPercent is the garbage collector's target unless GOGC says otherwise.
// A scan holds every parsed file until evaluation lets go of it, module by
// module, and makes most of its garbage meanwhile: collecting when the heap
// has grown by half rather than doubled costs about a sixth more time and
// saves about a fifth of the peak memory on a large tree.
const gcPercent = 50

// Once the tree is parsed, a scan's memory is mostly syntax let go of in
// the order evaluation takes it, while the evaluated model grows in its
// place: the collector frees a node here and there in pages it cannot give
// back, and the runtime holds on to pages it freed long after. A soft
// memory limit behind the live heap bounds both: it starts at limitAfterLoad
// times the live heap once the files are parsed, and rises to limitAfterGC
// times the live heap whenever a collection finds more: above the
// collector's own target (1 + gcPercent/100), so that it binds only on the
// pages the heap holds beyond its live objects. On a module of ten
// thousand resources in 500 files the peak goes from about 150 MB to 127
// MB for about 8% more time (2.0 and 1.75: 138 MB, +3%).
const (
	limitAfterLoad = 1.8
	limitAfterGC   = 1.6
	// outgrown is how far past its size after loading the live heap may
	// grow before the limit is let go.
	outgrown = 1.3
	// minLimit keeps a small scan clear of the limit: its heap is mostly
	// the runtime's own.
	minLimit = 64 << 20
)

// memoryLimit is the one governor of the process, on when main has set the
// collector's target (tests that run commands in process leave it off).
var memoryLimit struct {
	mu    sync.Mutex
	on    bool
	armed bool
	limit int64
	// loaded is the live heap once the files were parsed.
	loaded uint64
}

// tuneCollector sets the collector's target and turns the memory limit
// on, unless GOGC or GOMEMLIMIT say how the collector should run.
func tuneCollector() {
	if os.Getenv("GOGC") != "" {
		return
	}
	debug.SetGCPercent(gcPercent)
	memoryLimit.mu.Lock()
	memoryLimit.on = os.Getenv("GOMEMLIMIT") == ""
	memoryLimit.mu.Unlock()
}

// governMemory sets the memory limit for the scan of a parsed tree.
func governMemory() {
	m := &memoryLimit
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.on {
		return
	}
	m.loaded = liveHeap()
	m.limit = max(minLimit, int64(float64(m.loaded)*limitAfterLoad))
	debug.SetMemoryLimit(m.limit)
	if !m.armed {
		m.armed = true
		armLimit()
	}
}

// armLimit has raiseLimit called after the next collection: the cleanup
// of an object nothing holds runs once the collector has found it so.
func armLimit() {
	runtime.AddCleanup(new([64]byte), func(struct{}) { raiseLimit() }, struct{}{})
}

func raiseLimit() {
	m := &memoryLimit
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.on {
		m.armed = false
		return
	}
	live := liveHeap()
	if want := int64(float64(live) * limitAfterGC); want > m.limit {
		if float64(live) > outgrown*float64(m.loaded) {
			// Not syntax traded for a model any more (count and
			// for_each building thousands of instances): a limit
			// behind a growing heap has the collector run for nothing.
			m.limit = math.MaxInt64
			debug.SetMemoryLimit(m.limit)
			m.armed = false
			return
		}
		m.limit = want
		debug.SetMemoryLimit(want)
	}
	armLimit()
}

// liveHeap is the heap the last collection found live, in bytes.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
