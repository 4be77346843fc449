package analyzer_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/onus-sec/onus/analyzer"
	"github.com/onus-sec/onus/checks" //nolint:depguard // benchmarks measure the engine under the real catalogue
	"github.com/onus-sec/onus/internal/gencorpus"
)

// benchSizes are the corpus sizes, in resource blocks, every stage is
// measured at; cost per resource should stay flat across them.
var benchSizes = []int{1000, 10000, 50000}

// benchNow pins the scan date so that runs compare.
var benchNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func sizeName(n int) string { return fmt.Sprintf("resources=%dk", n/1000) }

// corpora generates each size at most once per top-level benchmark, into
// that benchmark's temporary directory.
type corpora struct {
	b    *testing.B
	dirs map[int]string
}

func newCorpora(b *testing.B) *corpora { return &corpora{b: b, dirs: map[int]string{}} }

func (c *corpora) dir(n int) string {
	if d, ok := c.dirs[n]; ok {
		return d
	}
	d := c.b.TempDir()
	if _, err := gencorpus.Generate(d, gencorpus.Options{Seed: 1, Resources: n}); err != nil {
		c.b.Fatal(err)
	}
	c.dirs[n] = d
	return d
}

// eachSize runs one sub-benchmark per corpus size, skipping the largest in
// -short mode. setup prepares what the operation needs, outside the timer,
// and returns the operation. Beside ns/op, each reports the time per
// resource block (flat when cost grows linearly) and the CPU time per
// operation, which a busy machine disturbs less than the wall time.
func eachSize(b *testing.B, setup func(b *testing.B, dir string) (op func())) {
	cs := newCorpora(b)
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			if testing.Short() && n > 10000 {
				b.Skip("-short")
			}
			op := setup(b, cs.dir(n))
			b.ReportAllocs()
			b.ResetTimer()
			start, cpu := time.Now(), cpuTime()
			for b.Loop() {
				op()
			}
			b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/float64(n), "ns/resource")
			if used := cpuTime() - cpu; used > 0 {
				b.ReportMetric(float64(used.Nanoseconds())/float64(b.N), "cpu-ns/op")
			}
		})
	}
}

func load(b *testing.B, dir string) *analyzer.Project {
	proj, err := analyzer.Load(context.Background(), []string{dir}, analyzer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return proj
}

// BenchmarkParseFloor reads and parses every file with hclparse and does
// nothing else: the floor the whole scan is compared with.
func BenchmarkParseFloor(b *testing.B) {
	eachSize(b, func(b *testing.B, dir string) func() {
		return func() {
			if _, _, bad, err := gencorpus.ParseFloor(dir); err != nil || bad {
				b.Fatalf("parse floor: %v (parse errors: %v)", err, bad)
			}
		}
	})
}

// BenchmarkLoad measures discovery, reading and parsing.
func BenchmarkLoad(b *testing.B) {
	eachSize(b, func(b *testing.B, dir string) func() {
		return func() { load(b, dir) }
	})
}

// BenchmarkEvaluate measures evaluation of the loaded tree: variables,
// locals, modules, count and for_each, references.
func BenchmarkEvaluate(b *testing.B) {
	eachSize(b, func(b *testing.B, dir string) func() {
		proj := load(b, dir)
		return func() {
			if cfgs, _ := proj.Evaluate(context.Background()); len(cfgs) == 0 {
				b.Fatal("nothing evaluated")
			}
		}
	})
}

// BenchmarkChecks measures the whole catalogue over evaluated
// configurations.
func BenchmarkChecks(b *testing.B) {
	all := checks.All()
	eachSize(b, func(b *testing.B, dir string) func() {
		cfgs, _ := load(b, dir).Evaluate(context.Background())
		return func() {
			if fs, _ := analyzer.RunChecks(context.Background(), cfgs, all, analyzer.RunOptions{Now: benchNow}); len(fs) == 0 {
				b.Fatal("no findings")
			}
		}
	})
}

// BenchmarkScan measures what `onus scan` does before printing: load,
// evaluate, check, apply ignores, sort.
func BenchmarkScan(b *testing.B) {
	all := checks.All()
	eachSize(b, func(b *testing.B, dir string) func() {
		return func() {
			if res := load(b, dir).Run(context.Background(), all, analyzer.RunOptions{Now: benchNow}); len(res.Findings) == 0 {
				b.Fatal("no findings")
			}
		}
	})
}
