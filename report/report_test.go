package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/onus-sec/onus/analyzer"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var (
	publicACL = &analyzer.Check{
		ID:       "s3-public-acl",
		Title:    "S3 bucket ACL grants access to everyone",
		Severity: analyzer.Critical,
		Side:     analyzer.Customer,
		Category: analyzer.DataProtection,
		Boundary: "AWS stores the objects durably; who may read them is set by you.",
		Fix:      "Remove the public ACL.",
	}
	minorUpgrade = &analyzer.Check{
		ID:       "rds-auto-minor-upgrade-disabled",
		Title:    "Automatic minor engine upgrades are off",
		Severity: analyzer.Low,
		Side:     analyzer.Shared,
		Category: analyzer.Patching,
		Boundary: "AWS ships engine patches; applying them is yours to allow.",
		Fix:      "Set auto_minor_version_upgrade = true.",
	}
	versioning = &analyzer.Check{
		ID:       "s3-versioning-disabled",
		Title:    "S3 bucket versioning is off",
		Severity: analyzer.Medium,
		Side:     analyzer.Customer,
		Category: analyzer.DataProtection,
		Boundary: "AWS keeps what you store; keeping old versions is yours to turn on.",
		Fix:      "Enable versioning.",
	}
)

func rng(file string, line, col, endLine, endCol int) hcl.Range {
	return hcl.Range{
		Filename: file,
		Start:    hcl.Pos{Line: line, Column: col},
		End:      hcl.Pos{Line: endLine, Column: endCol},
	}
}

func finding(c *analyzer.Check, resource string, r hcl.Range, snippet, msg string) analyzer.Finding {
	return analyzer.Finding{
		Check:       c,
		CheckID:     c.ID,
		Severity:    c.Severity,
		Side:        c.Side,
		Category:    c.Category,
		Message:     msg,
		Resource:    resource,
		Range:       r,
		Fingerprint: analyzer.Fingerprint(c.ID, resource, "x"),
		Snippet:     snippet,
	}
}

// sampleResult exercises every part of the printers: live findings on both
// sides, a tab-indented snippet, a range spanning lines, suppressed findings
// with and without an expiry date, and diagnostics with and without a range.
func sampleResult() *analyzer.Result {
	suppressed := finding(versioning, `aws_s3_bucket.logs["a"]`, rng("modules/logs/main.tf", 4, 1, 4, 34), `resource "aws_s3_bucket" "logs" {`, "Versioning is off.")
	suppressed.Suppressed = &analyzer.Suppression{Kind: "inline", Reason: "log bucket, objects are rewritten daily", Expires: "2031-01-31"}
	noExpiry := finding(versioning, "aws_s3_bucket.site", rng("main.tf", 1, 1, 1, 34), `resource "aws_s3_bucket" "site" {`, "Versioning is off.")
	noExpiry.Suppressed = &analyzer.Suppression{Kind: "config", Reason: "static site"}
	return &analyzer.Result{
		Findings: []analyzer.Finding{
			noExpiry,
			finding(publicACL, "aws_s3_bucket.site", rng("main.tf", 3, 3, 3, 25), `  acl    = "public-read" # everyone <3`,
				`Bucket ACL "public-read" lets anyone on the internet list and read objects; AWS blocks this by default, you turned it off.`),
			finding(minorUpgrade, "aws_db_instance.main", rng("main.tf", 12, 2, 12, 36), "\tauto_minor_version_upgrade = false",
				"AWS publishes minor engine versions with security fixes; you turned off their automatic installation."),
			finding(publicACL, "module.logs.aws_s3_bucket_acl.this", rng("modules/logs/main.tf", 20, 3, 24, 4), "  access_control_policy {",
				"A grant to the AllUsers group makes the bucket public."),
			suppressed,
		},
		Diagnostics: hcl.Diagnostics{
			{Severity: hcl.DiagWarning, Summary: "Module not installed", Detail: `Module "vpc" comes from the registry; run terraform init to scan it.`,
				Subject: ptr(rng("main.tf", 30, 1, 30, 13))},
			{Severity: hcl.DiagError, Summary: "Argument or block definition required",
				Detail: "An argument or block definition is required here.\nTo set an argument, use the equals sign.", Subject: ptr(rng("broken.tf", 2, 5, 2, 6))},
			{Severity: hcl.DiagError, Summary: "Failed to read file", Detail: "permission denied"},
			{Severity: hcl.DiagError, Summary: "Unreadable variable file", Detail: "prod.tfvars could not be read",
				Subject: ptr(rng("prod.tfvars", 0, 0, 0, 0))},
		},
		Files:     4,
		Resources: 9,
	}
}

func ptr[T any](v T) *T { return &v }

func TestGolden(t *testing.T) {
	tests := []struct {
		name    string
		printer Printer
		result  *analyzer.Result
	}{
		{"sample.txt", &Text{}, sampleResult()},
		{"sample_color.txt", &Text{Color: true}, sampleResult()},
		{"sample_quiet.txt", &Text{Quiet: true}, sampleResult()},
		{"sample.json", &JSON{Version: "0.1.0"}, sampleResult()},
		{"empty.txt", &Text{}, &analyzer.Result{Files: 1}},
		{"empty_quiet.txt", &Text{Quiet: true}, &analyzer.Result{Files: 1}},
		{"empty.json", &JSON{Version: "0.1.0"}, &analyzer.Result{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.printer.Write(&buf, tt.result); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), buf.String()); diff != "" {
				t.Errorf("output differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

// TestJSONShape decodes the JSON output generically and checks the contract
// that consumers rely on, independently of the golden file.
func TestJSONShape(t *testing.T) {
	for name, res := range map[string]*analyzer.Result{"sample": sampleResult(), "empty": {}} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := (&JSON{Version: "1.2.3"}).Write(&buf, res); err != nil {
				t.Fatal(err)
			}
			var doc map[string]any
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			for _, key := range []string{"findings", "errors"} {
				if _, ok := doc[key].([]any); !ok {
					t.Errorf("%s is %T, want an array", key, doc[key])
				}
			}
			summary := doc["summary"].(map[string]any)
			gotKeys := func(m any) []string {
				var keys []string
				for k := range m.(map[string]any) {
					keys = append(keys, k)
				}
				return keys
			}
			sortStrings := cmp.Transformer("sort", func(in []string) []string {
				out := append([]string(nil), in...)
				for i := range out {
					for j := i + 1; j < len(out); j++ {
						if out[j] < out[i] {
							out[i], out[j] = out[j], out[i]
						}
					}
				}
				return out
			})
			checks := []struct {
				what string
				got  []string
				want []string
			}{
				{"top level", gotKeys(doc), []string{"tool", "findings", "errors", "summary"}},
				{"summary", gotKeys(summary), []string{"files", "resources", "findings", "suppressed", "by_side", "by_severity"}},
				{"by_side", gotKeys(summary["by_side"]), []string{"customer", "shared"}},
				{"by_severity", gotKeys(summary["by_severity"]), []string{"critical", "high", "medium", "low"}},
			}
			for _, c := range checks {
				if diff := cmp.Diff(c.want, c.got, sortStrings); diff != "" {
					t.Errorf("%s keys (-want +got):\n%s", c.what, diff)
				}
			}
			if v := doc["tool"].(map[string]any)["version"]; v != "1.2.3" {
				t.Errorf("tool.version = %v", v)
			}
		})
	}
}

func TestJSONCounts(t *testing.T) {
	doc := (&JSON{}).document(sampleResult())
	want := jsonSummary{
		Files: 4, Resources: 9, Findings: 3, Suppressed: 2,
		BySide:     jsonBySide{Customer: 2, Shared: 1},
		BySeverity: jsonBySeverity{Critical: 2, Low: 1},
	}
	if diff := cmp.Diff(want, doc.Summary); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	if len(doc.Findings) != 5 {
		t.Errorf("findings array holds %d entries, want live and suppressed (5)", len(doc.Findings))
	}
	if len(doc.Errors) != 3 {
		t.Errorf("errors array holds %d entries, want the 3 error diagnostics", len(doc.Errors))
	}
}

func TestUnderline(t *testing.T) {
	tests := []struct {
		name       string
		line       string
		rng        hcl.Range
		wantIndent string
		wantWidth  int
	}{
		{"attribute", `  acl = "public-read"`, rng("f", 1, 3, 1, 22), "  ", 19},
		{"tab indent", "\t\tport = 22", rng("f", 1, 3, 1, 12), "\t\t", 9},
		{"runs to next line", `  ingress {`, rng("f", 1, 3, 5, 4), "  ", 9},
		{"trailing blanks ignored", "  ingress {   ", rng("f", 1, 3, 5, 4), "  ", 9},
		{"end past line", `  a = 1`, rng("f", 1, 3, 1, 40), "  ", 5},
		{"empty range", `  a = 1`, rng("f", 1, 3, 1, 3), "  ", 1},
		{"non-ASCII before", `  tag = "café" # x`, rng("f", 1, 16, 1, 19), strings.Repeat(" ", 15), 3},
		{"start past line", `a`, rng("f", 1, 9, 1, 10), "", 0},
		{"zero column", `abc`, rng("f", 1, 0, 1, 0), "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			indent, width := underline(tt.line, tt.rng)
			if indent != tt.wantIndent || width != tt.wantWidth {
				t.Errorf("underline(%q) = (%q, %d), want (%q, %d)", tt.line, indent, width, tt.wantIndent, tt.wantWidth)
			}
		})
	}
}

func TestNew(t *testing.T) {
	for _, f := range Formats() {
		if _, err := New(f, Options{}); err != nil {
			t.Errorf("New(%q): %v", f, err)
		}
	}
	_, err := New("xml", Options{})
	if err == nil || !strings.Contains(err.Error(), `unknown format "xml"`) {
		t.Errorf("New(xml) error = %v, want unknown format", err)
	}
}

func TestWriteCatalogue(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCatalogue(&buf, []*analyzer.Check{minorUpgrade, publicACL}); err != nil {
		t.Fatal(err)
	}
	want := `ID                               SEVERITY  SIDE      CATEGORY         TITLE
rds-auto-minor-upgrade-disabled  low       shared    patching         Automatic minor engine upgrades are off
s3-public-acl                    critical  customer  data-protection  S3 bucket ACL grants access to everyone
`
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("catalogue (-want +got):\n%s", diff)
	}
}
