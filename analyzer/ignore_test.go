package analyzer

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// publicACLCheck reports a bucket whose acl is "public-read".
var publicACLCheck = &Check{ID: "test-public", Severity: High, Side: Customer, Run: func(p *Pass) {
	p.EachResource("aws_s3_bucket", func(r *Resource) {
		if acl, ok := r.Body.Attr("acl").String(); ok && acl == "public-read" {
			p.ReportAttr(r, r.Body.Attr("acl"), "public")
		}
	})
}}

const auditFixture = `# onus:ignore:test-public reason=used
resource "aws_s3_bucket" "a" {
  acl = "public-read"
}

# onus:ignore:test-public reason=matches nothing
resource "aws_s3_bucket" "b" {
  acl = "private"
}

resource "aws_s3_bucket" "c" {
  acl = "private" # onus:ignore:test-publik
}

resource "aws_s3_bucket" "d" {
  acl = "private" # onus:ignore:test-other reason=that check is off
}

resource "aws_s3_bucket" "e" {
  acl = "private" # onus:ignore:* reason=some check is off
}

resource "aws_s3_bucket" "f" {
  acl = "private" # onus:ignore:test-public exp:2020-01-01
}

resource "aws_s3_bucket" "g" {
  # onus:ignore:test-public,test-other reason=one of two used
  acl = "public-read"
}
`

func auditIgnores(t *testing.T, a IgnoreAudit) []string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(auditFixture), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	ctx := context.Background()
	p, err := Load(ctx, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a.Now = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	res := p.Run(ctx, a.Ran, RunOptions{Now: a.Now})
	var got []string
	for _, d := range p.AuditIgnores(res, a) {
		sev := "warning"
		if d.Severity == hcl.DiagError {
			sev = "error"
		}
		got = append(got, sev+" "+d.Subject.Filename+":"+strconv.Itoa(d.Subject.Start.Line)+" "+d.Summary+": "+d.Detail)
	}
	return got
}

func TestAuditIgnores(t *testing.T) {
	got := auditIgnores(t, IgnoreAudit{Ran: []*Check{publicACLCheck}, Known: []string{"test-other", "test-public"}})
	want := []string{
		"warning main.tf:6 Unused ignore: this ignore of test-public matches no finding on line 7: remove it, or move it to the line of the finding or the line above its resource",
		`warning main.tf:12 Unknown check in ignore: "test-publik" is not a check ID, so this ignore suppresses nothing; did you mean "test-public"?`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("audit (-want +got):\n%s", diff)
	}
}

// TestAuditIgnoresAllRan checks that a wildcard ignore and an ignore of a
// check are called unused once every check ran, and that strict mode makes
// the problems errors.
func TestAuditIgnoresAllRan(t *testing.T) {
	other := &Check{ID: "test-other", Severity: Low, Side: Customer, Run: func(*Pass) {}}
	got := auditIgnores(t, IgnoreAudit{Ran: []*Check{publicACLCheck, other}, Known: []string{"test-other", "test-public"}, Strict: true})
	want := []string{
		"error main.tf:6 Unused ignore: this ignore of test-public matches no finding on line 7: remove it, or move it to the line of the finding or the line above its resource",
		`error main.tf:12 Unknown check in ignore: "test-publik" is not a check ID, so this ignore suppresses nothing; did you mean "test-public"?`,
		"error main.tf:16 Unused ignore: this ignore of test-other matches no finding on line 16: remove it, or move it to the line of the finding or the line above its resource",
		"error main.tf:20 Unused ignore: this ignore of * matches no finding on line 20: remove it, or move it to the line of the finding or the line above its resource",
		"error main.tf:28 Unused ignore: this ignore of test-other matches no finding on line 29: remove it, or move it to the line of the finding or the line above its resource",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("audit (-want +got):\n%s", diff)
	}
}

func TestNearestID(t *testing.T) {
	known := []string{"s3-public-acl", "s3-public-policy", "iam-admin-policy"}
	tests := []struct{ id, want string }{
		{"s3-publik-acl", "s3-public-acl"},
		{"s3-public-polcy", "s3-public-policy"},
		{"iam-admin", ""},
		{"totally-different", ""},
	}
	for _, tt := range tests {
		if got := nearestID(tt.id, known); got != tt.want {
			t.Errorf("nearestID(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}
