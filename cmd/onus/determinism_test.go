package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/onus-sec/onus/internal/gencorpus"
	"github.com/onus-sec/onus/report"
)

// TestDeterminism scans the same trees with one and with several
// processors and requires byte-identical output in every format: output
// must never depend on scheduling or map order.
func TestDeterminism(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	corpus := t.TempDir()
	size := 3000
	if _, err := gencorpus.Generate(corpus, gencorpus.Options{Seed: 11, Resources: size}); err != nil {
		t.Fatal(err)
	}
	examples, err := filepath.Abs(filepath.Join("..", "..", "testdata", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	trees := map[string]string{"corpus": corpus, "examples": examples}
	procs := []string{"1", "2", "8"}
	for name, dir := range trees {
		t.Run(name, func(t *testing.T) {
			// One run per GOMAXPROCS writes every format at once (--out
			// FORMAT=FILE), so the scans compared are the same scans.
			runs := make([]map[string][]byte, len(procs))
			for i, p := range procs {
				runs[i] = scanWithProcs(t, dir, p)
			}
			for _, format := range report.Formats() {
				first := runs[0][format]
				if len(first) == 0 {
					t.Errorf("GOMAXPROCS=1: empty %s output", format)
					continue
				}
				for i := 1; i < len(procs); i++ {
					if out := runs[i][format]; !bytes.Equal(first, out) {
						t.Errorf("GOMAXPROCS=%s gives different %s output than GOMAXPROCS=1 (%d and %d bytes); first difference at byte %d",
							procs[i], format, len(out), len(first), firstDifference(first, out))
					}
				}
			}
		})
	}
}

// scanWithProcs runs the binary over dir with GOMAXPROCS set, writing
// every format to a file of its own, and returns the reports by format.
func scanWithProcs(t *testing.T, dir, procs string) map[string][]byte {
	t.Helper()
	outDir := t.TempDir()
	args := []string{"scan", "--now", scanDate}
	for _, format := range report.Formats() {
		args = append(args, "--out", format+"="+filepath.Join(outDir, format))
	}
	cmd := exec.Command(binary, append(args, ".")...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOMAXPROCS="+procs, "NO_COLOR=1", "GITHUB_STEP_SUMMARY=")
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("running onus: %v", err)
		}
	}
	out := map[string][]byte{}
	for _, format := range report.Formats() {
		data, err := os.ReadFile(filepath.Join(outDir, format))
		if err != nil {
			t.Fatalf("GOMAXPROCS=%s: %v; stderr:\n%s", procs, err, errOut.String())
		}
		out[format] = data
	}
	return out
}

func firstDifference(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
