package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/onus-sec/onus/analyzer"
)

// sampleResponsibility exercises the printers: every status, a detail with
// characters markdown would read as markup, a resource with AWS's side only,
// and a pseudo-resource (a provider block).
func sampleResponsibility() *Responsibility {
	return &Responsibility{
		Sides: []analyzer.Side{analyzer.Customer, analyzer.Shared, analyzer.AWS},
		Resources: []ResourceControls{
			{
				Address: `aws_s3_bucket.site["a|b"]`, Type: "aws_s3_bucket", Location: rng("main.tf", 1, 1, 1, 33),
				Controls: []ControlStatus{
					{ID: "s3-public-acl", Title: "S3 bucket ACL grants access to everyone", Side: analyzer.Customer, Status: analyzer.StatusFail,
						Detail: `ACL "public-read" lets anyone list every object | see *docs* <here>`},
					{ID: "s3-versioning-disabled", Title: "S3 bucket versioning is not enabled", Side: analyzer.Customer, Status: analyzer.StatusUnknown,
						Detail: "unknown at scan time: versioning_configuration[0].status"},
					{ID: "s3-no-cmk-encryption", Title: "S3 bucket not encrypted with a customer-managed KMS key", Side: analyzer.Customer, Status: analyzer.StatusPass},
					{ID: "s3-access-logging-disabled", Title: "S3 bucket has no server access logging", Side: analyzer.Customer, Status: analyzer.StatusSuppressed,
						Detail: "no server access logging (suppressed inline: static site)"},
					{ID: "aws-s3-durability", Title: "Object durability", Side: analyzer.AWS, Status: analyzer.StatusInfo,
						Detail: "S3 stores every object redundantly across at least three Availability Zones."},
				},
			},
			{
				Address: "aws_db_instance.main", Type: "aws_db_instance", Location: rng("db.tf", 4, 1, 4, 32),
				Controls: []ControlStatus{
					{ID: "rds-auto-minor-upgrade-disabled", Title: "Automatic minor engine upgrades are turned off", Side: analyzer.Shared, Status: analyzer.StatusPass},
					{ID: "aws-rds-managed-host", Title: "Database host", Side: analyzer.AWS, Status: analyzer.StatusInfo,
						Detail: "RDS runs the host and the engine software."},
				},
			},
			{
				Address: "aws_route53_zone.main", Type: "aws_route53_zone", Location: rng("dns.tf", 1, 1, 1, 30),
				Controls: []ControlStatus{
					{ID: "aws-infrastructure", Title: "Facilities and hardware", Side: analyzer.AWS, Status: analyzer.StatusInfo,
						Detail: "AWS secures the facilities."},
				},
			},
		},
	}
}

func TestResponsibilityGolden(t *testing.T) {
	tests := []struct {
		name    string
		printer ResponsibilityPrinter
		resp    *Responsibility
	}{
		{"responsibility.txt", &ResponsibilityText{}, sampleResponsibility()},
		{"responsibility_color.txt", &ResponsibilityText{Color: true}, sampleResponsibility()},
		{"responsibility.md", &ResponsibilityMarkdown{}, sampleResponsibility()},
		{"responsibility.json", &ResponsibilityJSON{}, sampleResponsibility()},
		{"responsibility_empty.json", &ResponsibilityJSON{}, &Responsibility{Resources: []ResourceControls{}, Sides: respSides}},
		{"responsibility_empty.txt", &ResponsibilityText{}, &Responsibility{Sides: respSides}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.printer.WriteResponsibility(&buf, tt.resp); err != nil {
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

// TestResponsibilityJSONShape checks the field names of the contract: no
// more, no fewer.
func TestResponsibilityJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := (&ResponsibilityJSON{}).WriteResponsibility(&buf, sampleResponsibility()); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(v any) []string {
		var out []string
		for k := range v.(map[string]any) {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	res := doc["resources"].([]any)[0]
	checks := []struct {
		what string
		got  []string
		want []string
	}{
		{"document", keys(doc), []string{"resources", "summary"}},
		{"resource", keys(res), []string{"address", "controls", "location", "type"}},
		{"location", keys(res.(map[string]any)["location"]), []string{"end_column", "end_line", "file", "start_column", "start_line"}},
		{"control", keys(res.(map[string]any)["controls"].([]any)[0]), []string{"detail", "id", "side", "status", "title"}},
		{"summary", keys(doc["summary"]), []string{"aws", "customer", "shared"}},
		{"customer", keys(doc["summary"].(map[string]any)["customer"]), []string{"fail", "pass", "suppressed", "unknown"}},
		{"aws", keys(doc["summary"].(map[string]any)["aws"]), []string{"info"}},
	}
	for _, c := range checks {
		if diff := cmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("%s fields (-want +got):\n%s", c.what, diff)
		}
	}
}

func TestResponsibilitySummary(t *testing.T) {
	got := sampleResponsibility().Summary()
	want := map[analyzer.Side]SideCounts{
		analyzer.Customer: {analyzer.StatusFail: 1, analyzer.StatusUnknown: 1, analyzer.StatusPass: 1, analyzer.StatusSuppressed: 1},
		analyzer.Shared:   {analyzer.StatusPass: 1},
		analyzer.AWS:      {analyzer.StatusInfo: 3},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
}

func TestRespTypeOfAddress(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"provider.aws", "provider.aws"},
		{"provider.aws.west", "provider.aws"},
		{`module.net["a.b"].provider.aws`, "provider.aws"},
		{"terraform.backend.s3", "terraform.backend.s3"},
		{"module.m.terraform.backend.s3", "terraform.backend.s3"},
		{`aws_s3_bucket.b["x.y"]`, "aws_s3_bucket"},
		{"module.a.module.b.data.aws_iam_policy_document.p", "aws_iam_policy_document"},
	}
	for _, tt := range tests {
		if got := respTypeOfAddress(tt.addr); got != tt.want {
			t.Errorf("respTypeOfAddress(%q) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}

func TestNewResponsibility(t *testing.T) {
	for _, f := range ResponsibilityFormats() {
		if _, err := NewResponsibility(f, Options{}); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if _, err := NewResponsibility("sarif", Options{}); err == nil || !strings.Contains(err.Error(), "want text, json, markdown") {
		t.Errorf("an unknown format gives %v", err)
	}
}

// TestRespCell checks that a detail cannot break the markdown table.
func TestRespCell(t *testing.T) {
	got := respCell("a | b\nc *d* _e_ `f` <g>")
	want := `a \| b c \*d\* \_e\_ \` + "`f\\` &lt;g&gt;"
	if got != want {
		t.Errorf("respCell = %q, want %q", got, want)
	}
}
