package gencorpus

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/onus-sec/onus/analyzer"
	"github.com/onus-sec/onus/checks"
)

// readTree returns every file under dir by slash-separated relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSameSeedSameBytes(t *testing.T) {
	opts := Options{Seed: 7, Resources: 1500}
	a, b := t.TempDir(), t.TempDir()
	sa, err := Generate(a, opts)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := Generate(b, opts)
	if err != nil {
		t.Fatal(err)
	}
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) || len(ta) != sa.Files || sa.Files != sb.Files {
		t.Fatalf("trees differ in size: %d and %d files, stats %d and %d", len(ta), len(tb), sa.Files, sb.Files)
	}
	for name, data := range ta {
		if string(tb[name]) != string(data) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	other, _ := Build(Options{Seed: 8, Resources: 1500})
	same := 0
	for name, data := range other {
		if string(ta[name]) == data {
			same++
		}
	}
	if same == len(other) {
		t.Error("seeds 7 and 8 gave the same tree")
	}
}

func TestSizes(t *testing.T) {
	for _, n := range []int{10, 100, 1000, 10000} {
		files, st := Build(Options{Seed: 1, Resources: n})
		if st.Resources != n {
			t.Errorf("%d resources asked, %d written", n, st.Resources)
		}
		if len(files) != st.Files {
			t.Errorf("%d files, stats say %d", len(files), st.Files)
		}
		if n >= 1000 {
			rate := float64(st.BadUnits) / float64(st.Units)
			if rate < 0.15 || rate > 0.25 {
				t.Errorf("%d resources: %.2f of the units are misconfigured, want about 0.2", n, rate)
			}
		}
	}
}

func TestGenerateRefusesNonEmptyDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(dir, Options{Resources: 10}); err == nil {
		t.Error("Generate wrote into a non-empty directory")
	}
}

// TestScan checks that the corpus is Terraform onus reads without a single
// error, and that every misconfigured unit is reported by the check it was
// written for.
func TestScan(t *testing.T) {
	dir := t.TempDir()
	st, err := Generate(dir, Options{Seed: 3, Resources: 2000})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	proj, err := analyzer.Load(ctx, []string{dir}, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := proj.Run(ctx, checks.All(), analyzer.RunOptions{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	for _, d := range res.Diagnostics {
		t.Errorf("diagnostic: %s", d.Error())
	}
	got := map[Expectation]bool{}
	for _, f := range res.Findings {
		abs, err := filepath.Abs(filepath.FromSlash(f.Range.Filename))
		if err != nil {
			t.Fatal(err)
		}
		rel, err := filepath.Rel(dir, abs)
		if err != nil {
			t.Fatal(err)
		}
		got[Expectation{File: filepath.ToSlash(rel), CheckID: f.CheckID}] = true
	}
	for _, e := range st.Expected {
		if !got[e] {
			t.Errorf("%s: no %s finding", e.File, e.CheckID)
		}
	}
	if len(st.Expected) < st.BadUnits*9/10 {
		t.Errorf("%d expectations for %d misconfigured units", len(st.Expected), st.BadUnits)
	}
	t.Logf("%d resources, %d instances, %d findings for %d misconfigured units", st.Resources, res.Resources, len(res.Findings), st.BadUnits)
}
