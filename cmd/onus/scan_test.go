package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/onus-sec/onus/analyzer"
)

func TestSelectChecks(t *testing.T) {
	catalogue := []*analyzer.Check{
		{ID: "a-customer", Side: analyzer.Customer},
		{ID: "b-shared", Side: analyzer.Shared},
		{ID: "c-customer", Side: analyzer.Customer},
	}
	tests := []struct {
		name    string
		only    []string
		skip    []string
		side    string
		want    []string
		wantErr string
	}{
		{name: "everything", side: "all", want: []string{"a-customer", "b-shared", "c-customer"}},
		{name: "customer side", side: "customer", want: []string{"a-customer", "c-customer"}},
		{name: "shared side", side: "shared", want: []string{"b-shared"}},
		{name: "only", only: []string{"c-customer", " a-customer "}, side: "all", want: []string{"a-customer", "c-customer"}},
		{name: "skip", skip: []string{"a-customer"}, side: "all", want: []string{"b-shared", "c-customer"}},
		{name: "only and skip", only: []string{"a-customer", "b-shared"}, skip: []string{"b-shared"}, side: "all", want: []string{"a-customer"}},
		{name: "only and side", only: []string{"a-customer", "b-shared"}, side: "shared", want: []string{"b-shared"}},
		{name: "empty entries ignored", only: []string{"", "b-shared"}, side: "all", want: []string{"b-shared"}},
		{name: "unknown only", only: []string{"zz", "a-customer"}, side: "all", wantErr: `--checks: unknown check ID "zz"`},
		{name: "unknown skip", skip: []string{"yy", "xx"}, side: "all", wantErr: `--skip: unknown check ID "xx", "yy"`},
		{name: "unknown side", side: "aws", wantErr: `--side: unknown side "aws"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := selectChecks(catalogue, tt.only, tt.skip, tt.side)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, c := range got {
				ids = append(ids, c.ID)
			}
			if diff := cmp.Diff(tt.want, ids); diff != "" {
				t.Errorf("selected (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseOutputs(t *testing.T) {
	tests := []struct {
		name    string
		format  string
		outs    []string
		want    []output
		wantErr string
	}{
		{name: "stdout", format: "text", want: []output{{format: "text"}}},
		{name: "file takes --format", format: "json", outs: []string{"out/onus.json"}, want: []output{{format: "json", path: "out/onus.json"}}},
		{name: "format=file", format: "text", outs: []string{"json=onus.json", "report.txt"},
			want: []output{{format: "json", path: "onus.json"}, {format: "text", path: "report.txt"}}},
		{name: "equals in a path", format: "text", outs: []string{"./a=b.txt"}, want: []output{{format: "text", path: "./a=b.txt"}}},
		{name: "unknown format", format: "yaml", wantErr: `unknown format "yaml"`},
		{name: "unknown format in --out", format: "text", outs: []string{"yaml=x.yaml"}, wantErr: `unknown format "yaml"`},
		{name: "empty file", format: "text", outs: []string{"json="}, wantErr: "empty file name"},
		{name: "empty --out", format: "text", outs: []string{""}, wantErr: "empty file name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseOutputs(tt.format, tt.outs)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(output{})); diff != "" {
				t.Errorf("outputs (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUseColor(t *testing.T) {
	file, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "xterm-256color")
	if useColor(file, false) {
		t.Error("a regular file got colour")
	}
	if useColor(&strings.Builder{}, false) {
		t.Error("an in-memory writer got colour")
	}
	tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no terminal to test colour on")
	}
	defer tty.Close()
	if !useColor(tty, false) {
		t.Error("a terminal got no colour")
	}
	if useColor(tty, true) {
		t.Error("--no-color was ignored")
	}
	t.Setenv("NO_COLOR", "1")
	if useColor(tty, false) {
		t.Error("NO_COLOR was ignored")
	}
}

func TestExitStatus(t *testing.T) {
	live := func(s analyzer.Severity) analyzer.Finding { return analyzer.Finding{Severity: s} }
	suppressed := analyzer.Finding{Severity: analyzer.Critical, Suppressed: &analyzer.Suppression{Kind: "inline"}}
	parseError := analyzer.Result{}
	parseError.Diagnostics = append(parseError.Diagnostics, errorDiagnostic())
	tests := []struct {
		name   string
		res    analyzer.Result
		failOn analyzer.Severity
		want   int
	}{
		{"nothing", analyzer.Result{}, analyzer.Low, exitOK},
		{"below threshold", analyzer.Result{Findings: []analyzer.Finding{live(analyzer.Medium)}}, analyzer.High, exitOK},
		{"at threshold", analyzer.Result{Findings: []analyzer.Finding{live(analyzer.High)}}, analyzer.High, exitFindings},
		{"above threshold", analyzer.Result{Findings: []analyzer.Finding{live(analyzer.Critical)}}, analyzer.Low, exitFindings},
		{"suppressed only", analyzer.Result{Findings: []analyzer.Finding{suppressed}}, analyzer.Low, exitOK},
		{"parse error wins", parseError, analyzer.Low, exitError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := exitOK
			if err := exitStatus(&tt.res, tt.failOn); err != nil {
				got = err.(*exitCodeError).code
			}
			if got != tt.want {
				t.Errorf("exit %d, want %d", got, tt.want)
			}
		})
	}
}

func errorDiagnostic() *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unclosed configuration block"}
}
