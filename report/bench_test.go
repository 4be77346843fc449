package report_test

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/onus-sec/onus/analyzer"
	"github.com/onus-sec/onus/checks" //nolint:depguard // the benchmark prints the findings of a real scan
	"github.com/onus-sec/onus/internal/gencorpus"
	"github.com/onus-sec/onus/report"
)

// BenchmarkFormat prints the result of scanning a generated corpus in every
// format report.New knows, at 1k, 10k and 50k resource blocks. The scan is
// done once per size, outside the timer.
func BenchmarkFormat(b *testing.B) {
	for _, n := range []int{1000, 10000, 50000} {
		b.Run(fmt.Sprintf("resources=%dk", n/1000), func(b *testing.B) {
			if testing.Short() && n > 10000 {
				b.Skip("-short")
			}
			res := scanCorpus(b, n)
			for _, format := range report.Formats() {
				b.Run("format="+format, func(b *testing.B) {
					p, err := report.New(format, report.Options{Version: "0.0.0-bench", WorkDir: "/src"})
					if err != nil {
						b.Fatal(err)
					}
					b.ReportAllocs()
					for b.Loop() {
						if err := p.Write(io.Discard, res); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(len(res.Findings)), "findings")
				})
			}
		})
	}
}

func scanCorpus(b *testing.B, n int) *analyzer.Result {
	b.Helper()
	dir := b.TempDir()
	if _, err := gencorpus.Generate(dir, gencorpus.Options{Seed: 1, Resources: n}); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	proj, err := analyzer.Load(ctx, []string{dir}, analyzer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	res := proj.Run(ctx, checks.All(), analyzer.RunOptions{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	if len(res.Findings) == 0 {
		b.Fatal("the corpus gave no findings")
	}
	return res
}
