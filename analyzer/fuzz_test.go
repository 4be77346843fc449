package analyzer_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/onus-sec/onus/analyzer"
	"github.com/onus-sec/onus/checks" //nolint:depguard // the scan fuzz target runs the real catalogue
)

// FuzzParseIgnore checks that the ignore-comment reader never panics and
// that what it accepts is well formed: at least one check ID, none blank or
// holding a separator, and an expiry only when no error was returned.
// Seeds are in testdata/fuzz/FuzzParseIgnore.
func FuzzParseIgnore(f *testing.F) {
	f.Add("# onus:ignore:s3-public-acl")
	f.Fuzz(func(t *testing.T, comment string) {
		ig, ok, err := analyzer.ParseIgnore(comment)
		if !ok {
			if len(ig.IDs) != 0 && err == nil {
				t.Fatalf("ParseIgnore(%q) = %+v, not ok, but has IDs", comment, ig)
			}
			return
		}
		if len(ig.IDs) == 0 {
			t.Fatalf("ParseIgnore(%q) ok without a check ID", comment)
		}
		for _, id := range ig.IDs {
			if id == "" || strings.ContainsAny(id, ", \t\n") {
				t.Fatalf("ParseIgnore(%q): malformed ID %q", comment, id)
			}
		}
		if err != nil && !ig.Expires.IsZero() {
			t.Fatalf("ParseIgnore(%q): expiry %v set despite error %v", comment, ig.Expires, err)
		}
		if !strings.Contains(comment, "onus:ignore:") {
			t.Fatalf("ParseIgnore(%q) found a directive in a comment without one", comment)
		}
		if !ig.Expires.IsZero() && ig.Expires.Format(time.DateOnly) == "" {
			t.Fatalf("ParseIgnore(%q): unprintable expiry", comment)
		}
	})
}

// FuzzScan writes its input as the main.tf of a module, beside a file whose
// finding must always be reported, and runs the whole scan: load, evaluate,
// every check, ignores. Nothing may panic (the runner turns a panic into an
// "Internal error" diagnostic, which fails the target), hang, or lose the
// neighbour's finding, and every finding must point into the tree.
// Seeds are in testdata/fuzz/FuzzScan.
func FuzzScan(f *testing.F) {
	f.Add([]byte("resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n"))
	all := checks.All()
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		neighbour := "resource \"aws_iam_access_key\" \"fuzz_neighbour\" {\n  user = \"n\"\n}\n"
		if err := os.WriteFile(filepath.Join(dir, "neighbour.tf"), []byte(neighbour), 0o644); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		proj, err := analyzer.Load(ctx, []string{dir}, analyzer.Options{EvalTimeout: 10 * time.Second, MaxInstances: 50})
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		res := proj.Run(ctx, all, analyzer.RunOptions{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
		if ctx.Err() != nil {
			t.Fatalf("the scan did not finish within 20s")
		}
		for _, d := range res.Diagnostics {
			if strings.Contains(d.Summary, "Internal error") || strings.Contains(d.Summary, "Parser failure") {
				t.Fatalf("%s: %s", d.Summary, d.Detail)
			}
		}
		neighbourFound := false
		for _, fd := range res.Findings {
			if fd.Range.Start.Line < 1 || !strings.HasSuffix(filepath.ToSlash(fd.Range.Filename), ".tf") {
				t.Fatalf("finding %s on %s has range %v", fd.CheckID, fd.Resource, fd.Range)
			}
			if fd.Resource == "aws_iam_access_key.fuzz_neighbour" {
				neighbourFound = true
			}
		}
		// The input may suppress the neighbour's finding with an ignore
		// comment or redeclare it; only a scan that read it can tell.
		if !neighbourFound && !strings.Contains(string(src), "onus:ignore") && !strings.Contains(string(src), "fuzz_neighbour") {
			t.Fatalf("the finding in neighbour.tf was lost")
		}
	})
}
