package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// planFinding is what the plan scan tests compare of a finding.
type planFinding struct {
	CheckID     string `json:"check_id"`
	Resource    string `json:"resource"`
	Fingerprint string `json:"fingerprint"`
	Location    struct {
		File        string `json:"file"`
		StartLine   int    `json:"start_line"`
		StartColumn int    `json:"start_column"`
	} `json:"location"`
	Suppressed json.RawMessage `json:"suppressed"`
}

func (f planFinding) String() string {
	return fmt.Sprintf("%s:%d:%d %s %s", f.Location.File, f.Location.StartLine, f.Location.StartColumn, f.CheckID, f.Resource)
}

// planScanFindings runs `onus scan --format json` in-process and returns the
// live findings.
func planScanFindings(t *testing.T, args ...string) []planFinding {
	t.Helper()
	var stdout, stderr bytes.Buffer
	all := append([]string{"scan", "--format", "json", "--now", scanDate}, args...)
	code := run(context.Background(), all, &stdout, &stderr)
	if code != exitOK && code != exitFindings {
		t.Fatalf("onus %s: exit %d\n%s", strings.Join(all, " "), code, stderr.String())
	}
	var doc struct {
		Findings []planFinding `json:"findings"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("onus %s: %v\n%s", strings.Join(all, " "), err, stdout.String())
	}
	var live []planFinding
	for _, f := range doc.Findings {
		if string(f.Suppressed) == "null" || len(f.Suppressed) == 0 {
			live = append(live, f)
		}
	}
	return live
}

// TestPlanScan scans the committed plans of testdata/plans (generated from
// the trees beside them by the analyzer's TestGeneratePlanFixtures) and
// holds the plan scan to the HCL scan of the same tree:
//
//   - with the configuration directory, the live findings are those of the
//     HCL scan, at the same places with the same fingerprints, plus those
//     inside modules the HCL scan cannot read (registry modules), located
//     at the module call;
//   - a plan given as a path beside its configuration finds it by itself;
//   - a plan alone gives the same findings (check, resource), located in
//     the plan file.
//
// The findings with the directory are recorded in expect.txt; run with
// -update to rewrite it.
func TestPlanScan(t *testing.T) {
	plans, err := filepath.Glob(filepath.Join("..", "..", "testdata", "plans", "*", "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(plans) == 0 {
		t.Fatal("no testdata/plans/*/plan.json")
	}
	for _, plan := range plans {
		dir := filepath.Dir(plan)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			hcl := planScanFindings(t, dir)
			withDir := planScanFindings(t, "--plan", plan, dir)
			// Beside its configuration, the plan finds it by itself.
			beside := planScanFindings(t, plan)
			if diff := cmp.Diff(withDir, beside); diff != "" {
				t.Errorf("a plan beside its configuration should be located in it (-with +beside):\n%s", diff)
			}
			// Alone, the plan is all there is.
			lone := filepath.Join(t.TempDir(), "plan.json")
			writeFile(t, lone, []byte(readFile(t, plan)))
			alone := planScanFindings(t, lone)

			// Every HCL finding is found in the plan, at the same place.
			remote := strings.Contains(readFile(t, filepath.Join(dir, "main.tf")), "version =")
			got := map[string]planFinding{}
			for _, f := range withDir {
				got[f.String()+" "+f.Fingerprint] = f
			}
			for _, f := range hcl {
				if _, ok := got[f.String()+" "+f.Fingerprint]; !ok {
					t.Errorf("the HCL scan finds %s, the plan scan does not", f)
				}
			}
			if !remote && len(withDir) != len(hcl) {
				t.Errorf("the plan scan finds %d findings, the HCL scan %d", len(withDir), len(hcl))
			}

			// Without the directory: the same findings, in the plan file.
			// (The fingerprint names the root module by the plan's
			// directory, here a scratch one.)
			key := func(fs []planFinding) []string {
				var out []string
				for _, f := range fs {
					out = append(out, f.CheckID+" "+f.Resource)
				}
				sort.Strings(out)
				return out
			}
			if diff := cmp.Diff(key(withDir), key(alone)); diff != "" {
				t.Errorf("findings without the directory differ (-with +without):\n%s", diff)
			}
			for _, f := range alone {
				if !strings.HasSuffix(f.Location.File, "/plan.json") || f.Location.StartLine != 1 {
					t.Errorf("without the directory, %s should point at the plan file, line 1", f)
				}
			}

			var lines []string
			for _, f := range withDir {
				rel, err := filepath.Rel(dir, filepath.FromSlash(f.Location.File))
				if err != nil {
					rel = f.Location.File
				}
				lines = append(lines, fmt.Sprintf("%s:%d:%d %s %s", filepath.ToSlash(rel), f.Location.StartLine, f.Location.StartColumn, f.CheckID, f.Resource))
			}
			want := filepath.Join(dir, "expect.txt")
			text := strings.Join(lines, "\n") + "\n"
			if *update {
				if err := os.WriteFile(want, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(readFile(t, want), text); diff != "" {
				t.Errorf("plan scan findings differ from expect.txt (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPlanScanErrors checks the usage errors of plan mode.
func TestPlanScanErrors(t *testing.T) {
	dir := t.TempDir()
	notPlan := filepath.Join(dir, "other.json")
	writeFile(t, notPlan, []byte(`{"hello": "world"}`))
	plan := filepath.Join("..", "..", "testdata", "plans", "unknown_values", "plan.json")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"not a plan", []string{"scan", "--plan", notPlan}, "is not a Terraform JSON plan"},
		{"missing plan", []string{"scan", "--plan", filepath.Join(dir, "none.json")}, "--plan:"},
		{"two directories", []string{"scan", "--plan", plan, dir, dir}, "at most one directory"},
		{"file as directory", []string{"scan", "--plan", plan, notPlan}, "is not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, &stdout, &stderr)
			if code != exitError || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr.String(), tt.want)
			}
		})
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestPlanScanMasksSecrets: a plan scan beside its configuration shows the
// source lines of its findings, and a secret written there is masked in
// every format, as in an HCL scan.
func TestPlanScanMasksSecrets(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "plans", "secrets")
	secrets := []string{"Wq7vLx2Rt9pZk4Nm", "tok_9fH2kQ7wLm3xZp8R"}
	for _, format := range []string{"text", "json", "sarif", "rdjson", "github", "markdown", "junit"} {
		for _, args := range [][]string{{dir}, {"--plan", filepath.Join(dir, "plan.json"), dir}} {
			var stdout, stderr bytes.Buffer
			all := append([]string{"scan", "--format", format, "--now", scanDate}, args...)
			if code := run(context.Background(), all, &stdout, &stderr); code != exitFindings {
				t.Fatalf("onus %s: exit %d, want %d\n%s", strings.Join(all, " "), code, exitFindings, stderr.String())
			}
			out := stdout.String()
			if !strings.Contains(out, "db-password-literal") || !strings.Contains(out, "lambda-env-secrets") {
				t.Errorf("onus %s: the secrets are not reported:\n%s", strings.Join(all, " "), out)
			}
			for _, s := range secrets {
				if strings.Contains(out, s) {
					t.Errorf("onus %s prints the secret %q", strings.Join(all, " "), s)
				}
			}
		}
	}
}
