package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-sec/onus/checks"
)

// repoRoot is the repository root seen from this package's directory.
var repoRoot = filepath.Join("..", "..", "..")

// TestGeneratedFilesUpToDate fails when docs/checks.md or
// internal/checkdocs/entries_gen.go differ from what the checks, their doc
// comments and their fixtures generate now.
func TestGeneratedFilesUpToDate(t *testing.T) {
	files, err := generate(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range sortedNames(files) {
		got, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s: %v; run go generate ./internal/checkdocs", name, err)
			continue
		}
		if !bytes.Equal(got, files[name]) {
			t.Errorf("%s is stale; run go generate ./internal/checkdocs\n%s", name, firstLines(cmp.Diff(string(got), string(files[name])), 40))
		}
	}
}

// TestEveryCheckDocumented checks that the generator found a doc comment
// and both examples for every registered check, and that the docs have a
// section per check where report.CheckURL points.
func TestEveryCheckDocumented(t *testing.T) {
	files, err := generate(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	md := string(files[docsFile])
	whys, err := docComments(filepath.Join(repoRoot, "checks"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range checks.All() {
		if strings.TrimSpace(whys[c.ID]) == "" {
			t.Errorf("%s: no doc comment on the check's variable", c.ID)
		}
		if !strings.Contains(md, "\n## "+c.ID+"\n") {
			t.Errorf("%s: no section in %s", c.ID, docsFile)
		}
		dir := filepath.Join(repoRoot, "testdata", "checks", c.ID)
		for _, kind := range []string{"bad", "good"} {
			from, text, err := pickExample(dir, kind, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if from == "" || text == "" {
				t.Errorf("%s: no stand-alone %s fixture to show as an example", c.ID, kind)
			}
		}
	}
}

func TestPickExamplePrefersExampleThenKnownThenShort(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good_unknown/main.tf", "a = 1\n")
	write("good_long/main.tf", "a = 1\nb = 2\nc = 3\n")
	write("good_short/main.tf", "a = 1\nb = 2\n")
	write("good_module/main.tf", "a = 1\n")
	write("good_module/modules/x/main.tf", "b = 1\n")
	write("bad_short/main.tf", "x = 1 # want \"some-check\"\n")
	write("bad_example/main.tf", "x = 1\ny = 2 # want \"some-check\" \"some-check\"\n")
	write("bad_example/terraform.tfvars", "v = 1\n")

	from, text, err := pickExample(dir, "good", "some-check")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(from, "/good_short") || text != "a = 1\nb = 2\n" {
		t.Errorf("good example = %s %q, want good_short", from, text)
	}
	from, text, err = pickExample(dir, "bad", "some-check")
	if err != nil {
		t.Fatal(err)
	}
	want := "# main.tf\nx = 1\ny = 2 # <- some-check\n\n# terraform.tfvars\nv = 1\n"
	if !strings.HasSuffix(from, "/bad_example") || text != want {
		t.Errorf("bad example = %s %q, want bad_example %q", from, text, want)
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = append(lines[:n], "...")
	}
	return strings.Join(lines, "\n")
}
