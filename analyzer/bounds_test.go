package analyzer

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

func TestTruncateSnippet(t *testing.T) {
	for _, tc := range []struct {
		name string
		line string
		want int // bytes kept before the ellipsis; -1 when not cut
	}{
		{"short", "acl = \"public-read\"", -1},
		{"exactly the limit", strings.Repeat("a", MaxSnippetBytes), -1},
		{"ascii", strings.Repeat("a", MaxSnippetBytes+1), MaxSnippetBytes},
		{"cut inside a rune", "a" + strings.Repeat("é", MaxSnippetBytes), MaxSnippetBytes - 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := truncateSnippet(tc.line)
			if !utf8.ValidString(got) {
				t.Fatalf("not UTF-8: %q", got)
			}
			if tc.want < 0 {
				if got != tc.line {
					t.Errorf("cut a short line: %q", got)
				}
				return
			}
			if !strings.HasSuffix(got, snippetEllipsis) || len(got)-len(snippetEllipsis) != tc.want {
				t.Errorf("kept %d bytes, want %d (ends %q)", len(got)-len(snippetEllipsis), tc.want, got[max(0, len(got)-8):])
			}
		})
	}
}

func TestCapDiagnostics(t *testing.T) {
	diag := func(file string, line int, sev hcl.DiagnosticSeverity) *hcl.Diagnostic {
		return &hcl.Diagnostic{Severity: sev, Summary: fmt.Sprint(line), Subject: &hcl.Range{Filename: file, Start: hcl.Pos{Line: line}}}
	}
	var ds hcl.Diagnostics
	for i := 1; i <= MaxDiagnosticsPerFile+50; i++ {
		sev := hcl.DiagWarning
		if i == MaxDiagnosticsPerFile+40 {
			sev = hcl.DiagError
		}
		ds = append(ds, diag("a.tf", i, sev))
	}
	ds = append(ds, diag("b.tf", 1, hcl.DiagWarning))
	got := capDiagnostics(ds)
	if len(got) != MaxDiagnosticsPerFile+2 {
		t.Fatalf("%d diagnostics, want %d", len(got), MaxDiagnosticsPerFile+2)
	}
	var more *hcl.Diagnostic
	for _, d := range got {
		if d.Summary == "More diagnostics" {
			more = d
		}
	}
	if more == nil || more.Severity != hcl.DiagError || more.Subject.Filename != "a.tf" || more.Subject.Start.Line != MaxDiagnosticsPerFile+1 ||
		!strings.Contains(more.Detail, "50 more") {
		t.Errorf("summary diagnostic = %+v", more)
	}
	if short := capDiagnostics(ds[:3]); len(short) != 3 {
		t.Errorf("capped a short list to %d", len(short))
	}
}

func TestJSONRootProblems(t *testing.T) {
	for _, tc := range []struct {
		src      string
		wantLine int // 0: no problem
	}{
		{`{"locals": {"a": 1}}`, 0},
		{`[]`, 0},
		{`[{"locals": {"a": 1}}, {"locals": {"b": 2}}]`, 0},
		{"[1, 2, 3]", 1},
		{"[\n  {\"locals\": {}},\n  [{\"locals\": {}}]\n]", 3},
		{"\n\n[\"x\"]", 3},
	} {
		diags := jsonRootProblems([]byte(tc.src), "f.tf.json")
		switch {
		case tc.wantLine == 0 && len(diags) > 0:
			t.Errorf("%q: unexpected %v", tc.src, diags)
		case tc.wantLine > 0 && (len(diags) != 1 || diags[0].Subject.Start.Line != tc.wantLine || diags[0].Severity != hcl.DiagError):
			t.Errorf("%q: got %v, want one error on line %d", tc.src, diags, tc.wantLine)
		}
	}
}
