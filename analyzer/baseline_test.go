package analyzer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

func baselineFinding(check, address, path, file string, line int) Finding {
	return Finding{
		CheckID:     check,
		Resource:    address,
		Path:        path,
		Message:     "finding of " + check,
		Fingerprint: Fingerprint(check, address, path),
		Range:       hcl.Range{Filename: file, Start: hcl.Pos{Line: line, Column: 1}},
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	fs := []Finding{
		baselineFinding("s3-public-acl", "aws_s3_bucket.b", "acl", "envs/prod/s3.tf", 3),
		baselineFinding("iam-admin-policy", "aws_iam_policy.p", "policy", "envs/prod/iam.tf", 9),
		baselineFinding("s3-versioning-disabled", "aws_s3_bucket.b", "versioning", "envs/prod/s3.tf", 1),
	}
	fs[1].Suppressed = &Suppression{Kind: "inline"}
	b := NewBaseline(fs, func(name string) string { return strings.TrimPrefix(name, "envs/") })
	var buf bytes.Buffer
	if err := b.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	want := `{
  "version": 1,
  "tool": "onus",
  "findings": [
    {
      "fingerprint": "` + fs[0].Fingerprint + `",
      "check_id": "s3-public-acl",
      "resource": "aws_s3_bucket.b",
      "file": "prod/s3.tf",
      "path": "acl",
      "message": "finding of s3-public-acl"
    },
    {
      "fingerprint": "` + fs[2].Fingerprint + `",
      "check_id": "s3-versioning-disabled",
      "resource": "aws_s3_bucket.b",
      "file": "prod/s3.tf",
      "path": "versioning",
      "message": "finding of s3-versioning-disabled"
    }
  ]
}
`
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("baseline file (-want +got):\n%s", diff)
	}
	read, err := ReadBaseline(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(b, read); diff != "" {
		t.Errorf("read back (-want +got):\n%s", diff)
	}
}

// TestBaselineApply checks what a baseline recognises: the same finding on
// another line or in another file of its module, but not the same address
// in another root module, and each entry only once.
func TestBaselineApply(t *testing.T) {
	before := []Finding{
		baselineFinding("sg-world-admin-port", "aws_security_group.ssh", "ingress[0].cidr_blocks", "prod/network.tf", 8),
		baselineFinding("s3-public-acl", "aws_s3_bucket.b", "acl", "prod/s3.tf", 3),
		baselineFinding("iam-wildcard-action", "aws_iam_policy.p", "policy.Statement[0]", "prod/iam.tf", 4),
	}
	b := NewBaseline(before, nil)
	after := []Finding{
		// Every line moved; the bucket moved to another file of the module.
		baselineFinding("sg-world-admin-port", "aws_security_group.ssh", "ingress[0].cidr_blocks", "prod/network.tf", 58),
		baselineFinding("s3-public-acl", "aws_s3_bucket.b", "acl", "prod/buckets.tf", 1),
		// The same address in another root module is another finding.
		baselineFinding("s3-public-acl", "aws_s3_bucket.b", "acl", "staging/s3.tf", 3),
		// Two findings with one identity where the baseline knew one.
		baselineFinding("iam-wildcard-action", "aws_iam_policy.p", "policy.Statement[0]", "prod/iam.tf", 4),
		baselineFinding("iam-wildcard-action", "aws_iam_policy.p", "policy.Statement[0]", "prod/iam.tf", 12),
		// Already suppressed inline: left alone.
		baselineFinding("sg-world-admin-port", "aws_security_group.ssh", "ingress[0].cidr_blocks", "prod/network.tf", 70),
	}
	after[5].Suppressed = &Suppression{Kind: "inline", Reason: "r"}
	if n := b.Apply(after, nil, "known"); n != 3 {
		t.Errorf("Apply marked %d findings, want 3", n)
	}
	var got []string
	for _, f := range after {
		s := "live"
		if f.Suppressed != nil {
			s = f.Suppressed.Kind
		}
		got = append(got, s)
	}
	want := []string{"baseline", "baseline", "live", "baseline", "live", "inline"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("suppressions (-want +got):\n%s", diff)
	}
}

// TestBaselineReorderedBlocks checks findings in nested blocks: reordering
// the blocks, or inserting one before them, changes the block indexes in
// the argument path and so the fingerprints, yet the known finding stays
// known and only the new one is live.
func TestBaselineReorderedBlocks(t *testing.T) {
	rule := func(index, port string) Finding {
		f := baselineFinding("sg-world-admin-port", "aws_security_group.admin", "ingress["+index+"].cidr_blocks", "main.tf", 8)
		f.Message = "rule admits 0.0.0.0/0 on TCP " + port
		return f
	}
	b := NewBaseline([]Finding{rule("0", "22")}, nil)
	tests := []struct {
		name  string
		after []Finding
		want  []string
	}{
		{"block moved down", []Finding{rule("1", "22")}, []string{"baseline"}},
		{"new block inserted before", []Finding{rule("0", "3389"), rule("1", "22")}, []string{"live", "baseline"}},
		{"new block after", []Finding{rule("0", "22"), rule("1", "3389")}, []string{"baseline", "live"}},
		{"message reworded and block moved", []Finding{func() Finding { f := rule("2", "22"); f.Message = "new wording"; return f }()}, []string{"baseline"}},
		{"two findings, one known", []Finding{rule("0", "22"), rule("3", "22")}, []string{"baseline", "live"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b.Apply(tt.after, nil, "known")
			var got []string
			for _, f := range tt.after {
				if f.Suppressed != nil {
					got = append(got, f.Suppressed.Kind)
				} else {
					got = append(got, "live")
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadBaselineErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"version": 2, "tool": "onus", "findings": []}`, "version 2 is not supported"},
		{`{"version": 1, "findings": [{"check_id": "x"}]}`, "entry 1 has no fingerprint"},
		{`{"version": 1, "findings": [], "extra": true}`, `unknown field "extra"`},
		{`[`, "reading baseline"},
	}
	for _, tt := range tests {
		_, err := ReadBaseline(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadBaseline(%s): error %v, want %q", tt.in, err, tt.want)
		}
	}
}
