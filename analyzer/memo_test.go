package analyzer

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestPassMemo: a value memoised by one check is built once per
// configuration, and the unknown values read while building it count for
// every check that reuses it, so each check's control stays unknown.
func TestPassMemo(t *testing.T) {
	dir := t.TempDir()
	src := `variable "acl" {}
resource "aws_s3_bucket_acl" "a" {
  bucket = "b"
  acl    = var.acl
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	proj, err := Load(ctx, []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	type key struct{}
	builds := 0
	check := func(id string) *Check {
		return &Check{ID: id, Severity: High, Side: Customer, Category: DataProtection, Resources: []string{"aws_s3_bucket_acl"},
			Run: func(p *Pass) {
				got := p.Memo(key{}, func() any {
					builds++
					n := 0
					for _, r := range p.Resources("aws_s3_bucket_acl") {
						if _, known := r.Attr("acl").String(); !known {
							n++
						}
					}
					return n
				})
				if got != 1 {
					t.Errorf("%s: memo = %v, want 1", id, got)
				}
			}}
	}
	res := proj.Run(ctx, []*Check{check("memo-a"), check("memo-b")}, RunOptions{})
	if builds != 1 {
		t.Errorf("built %d times, want once", builds)
	}
	status := map[string]Status{}
	for _, c := range res.Controls() {
		status[c.Check.ID] = c.Status
	}
	for _, id := range []string{"memo-a", "memo-b"} {
		if status[id] != StatusUnknown {
			t.Errorf("control of %s = %q, want unknown (the read is replayed)", id, status[id])
		}
	}
}
