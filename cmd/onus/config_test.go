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

var configCatalogue = []*analyzer.Check{
	{ID: "s3-public-acl", Severity: analyzer.Critical, Side: analyzer.Customer},
	{ID: "s3-versioning-disabled", Severity: analyzer.Medium, Side: analyzer.Customer},
	{ID: "rds-auto-minor-upgrade-disabled", Severity: analyzer.Low, Side: analyzer.Shared},
}

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, ".onus.yml")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadConfig(t *testing.T) {
	path := writeConfig(t, `# the project's settings
checks:
  enable: [s3-public-acl, s3-versioning-disabled]
  disable:
    - s3-versioning-disabled
severity:
  s3-public-acl: high
exclude:
  - vendor/**
  - path: ./legacy/*.tf
    checks: [s3-public-acl]
    reason: frozen until the migration
fail-on: medium
side: customer
var-files: [env/prod.tfvars, /abs/x.tfvars]
`)
	c, err := loadConfig(path, configCatalogue)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(path)
	got := struct {
		Enable, Disable, VarFiles []string
		Severity                  map[string]analyzer.Severity
		FailOn, Side              string
		Patterns, Reasons         []string
	}{c.enable, c.disable, c.varFiles, c.severity, c.failOn, c.side, nil, nil}
	for _, x := range c.exclude {
		got.Patterns = append(got.Patterns, x.pattern)
		got.Reasons = append(got.Reasons, x.reason)
	}
	want := got
	want.Enable = []string{"s3-public-acl", "s3-versioning-disabled"}
	want.Disable = []string{"s3-versioning-disabled"}
	want.VarFiles = []string{filepath.Join(dir, "env", "prod.tfvars"), "/abs/x.tfvars"}
	want.Severity = map[string]analyzer.Severity{"s3-public-acl": analyzer.High}
	want.FailOn, want.Side = "medium", "customer"
	want.Patterns = []string{"vendor/**", "legacy/*.tf"}
	want.Reasons = []string{"", "frozen until the migration"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("config (-want +got):\n%s", diff)
	}
}

// TestConfigErrors checks that every mistake names the file and line.
func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"unknown top-level key", "fail-on: high\nexclud: [a]\n", `:2: unknown key "exclud" in the configuration (known keys: checks, severity, exclude, fail-on, side, var-files)`},
		{"unknown nested key", "checks:\n  enabled: [s3-public-acl]\n", `:2: unknown key "enabled" in checks (known keys: enable, disable)`},
		{"unknown key in exclude entry", "exclude:\n  - path: a\n    reasons: x\n", `:3: unknown key "reasons" in an exclude entry`},
		{"unknown check", "checks:\n  disable:\n    - s3-public-acl\n    - s3-publik-acl\n", `:4: unknown check ID "s3-publik-acl" in checks.disable`},
		{"unknown check in severity", "severity:\n  nope: low\n", `:2: unknown check ID "nope" in severity`},
		{"bad severity", "severity:\n  s3-public-acl: severe\n", `:2: severity of s3-public-acl: unknown severity "severe"`},
		{"bad fail-on", "\n\nfail-on: sometimes\n", `:3: fail-on: unknown severity "sometimes"`},
		{"bad side", "side: aws\n", `:1: side: unknown side "aws"`},
		{"not a mapping", "- a\n- b\n", `:1: the configuration must be a mapping`},
		{"repeated key", "side: all\nside: customer\n", `:2: key "side" is given twice`},
		{"bad glob", "exclude:\n  - \"a/[b\"\n", `:2: exclude path "a/[b" is not a valid glob`},
		{"exclude entry without path", "exclude:\n  - reason: x\n", `:2: an exclude entry needs a path`},
		{"wrong type", "var-files:\n  a: b\n", `:2: var-files must be a list of strings`},
		{"broken YAML", "checks: [a\n", `yaml:`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, tt.body)
			_, err := loadConfig(path, configCatalogue)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if !strings.Contains(err.Error(), ".onus.yml") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
	if c, err := loadConfig(writeConfig(t, "# nothing yet\n"), configCatalogue); err != nil || len(c.exclude) != 0 {
		t.Errorf("empty configuration: %v", err)
	}
}

func TestFindConfig(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "infra", "prod")
	for _, d := range []string{filepath.Join(repo, ".git"), deep} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// A configuration above the repository is never picked up.
	writeFile(t, filepath.Join(root, ".onus.yml"), []byte("side: shared\n"))
	writeFile(t, filepath.Join(deep, "main.tf"), []byte("\n"))
	got, err := findConfig("", []string{deep})
	if err != nil || got != "" {
		t.Errorf("findConfig above the repository = %q, %v; want none", got, err)
	}
	writeFile(t, filepath.Join(repo, ".onus.yaml"), []byte("side: customer\n"))
	for _, start := range []string{deep, filepath.Join(deep, "main.tf")} {
		got, err = findConfig("", []string{start})
		if want := filepath.Join(repo, ".onus.yaml"); err != nil || got != want {
			t.Errorf("findConfig(%s) = %q, %v; want %q", start, got, err, want)
		}
	}
	if _, err := findConfig(filepath.Join(root, "missing.yml"), nil); err == nil || !strings.Contains(err.Error(), "--config") {
		t.Errorf("missing --config file: error %v", err)
	}
}

func TestMergeConfig(t *testing.T) {
	c := &projectConfig{enable: []string{"a"}, disable: []string{"b"}, failOn: "high", side: "customer", varFiles: []string{"/c/x.tfvars"}}
	tests := []struct {
		name    string
		flags   scanFlags
		changed []string
		want    scanFlags
	}{
		{"config fills unset flags", scanFlags{failOn: "low", side: "all", varFiles: []string{"cli.tfvars"}}, nil,
			scanFlags{failOn: "high", side: "customer", only: []string{"a"}, skip: []string{"b"}, varFiles: []string{"/c/x.tfvars", "cli.tfvars"}}},
		{"flags win", scanFlags{failOn: "critical", side: "shared", only: []string{"z"}, skip: []string{"y"}}, []string{"fail-on", "side", "checks", "skip"},
			scanFlags{failOn: "critical", side: "shared", only: []string{"z"}, skip: []string{"y"}, varFiles: []string{"/c/x.tfvars"}}},
		{"skip adds to disable", scanFlags{failOn: "low", side: "all", skip: []string{"y"}}, []string{"skip"},
			scanFlags{failOn: "high", side: "customer", only: []string{"a"}, skip: []string{"b", "y"}, varFiles: []string{"/c/x.tfvars"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := tt.flags
			set := map[string]bool{}
			for _, n := range tt.changed {
				set[n] = true
			}
			c.mergeInto(&f, func(n string) bool { return set[n] })
			got := [][]string{{f.failOn, f.side}, f.only, f.skip, f.varFiles}
			want := [][]string{{tt.want.failOn, tt.want.side}, tt.want.only, tt.want.skip, tt.want.varFiles}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("flags (-want +got):\n%s", diff)
			}
		})
	}
}

func TestConfigSeverities(t *testing.T) {
	c := &projectConfig{severity: map[string]analyzer.Severity{"s3-public-acl": analyzer.Low}}
	got := c.withSeverities(configCatalogue)
	if got[0].Severity != analyzer.Low || configCatalogue[0].Severity != analyzer.Critical {
		t.Errorf("override: got %v, catalogue now %v", got[0].Severity, configCatalogue[0].Severity)
	}
	if got[1] != configCatalogue[1] {
		t.Errorf("a check without override was copied")
	}
}

func TestConfigExclusions(t *testing.T) {
	cwd := t.TempDir()
	c := &projectConfig{path: ".onus.yml", dir: filepath.Join(cwd, "infra"), exclude: []exclusion{
		{pattern: "vendor"},
		{pattern: "legacy/**/*.tf", checks: map[string]bool{"s3-public-acl": true}, reason: "frozen"},
	}}
	f := func(id, file string) analyzer.Finding {
		return analyzer.Finding{CheckID: id, Range: hcl.Range{Filename: file, Start: hcl.Pos{Line: 1}}}
	}
	res := &analyzer.Result{
		Findings: []analyzer.Finding{
			f("s3-public-acl", "infra/vendor/mod/main.tf"),
			f("s3-public-acl", "infra/legacy/a/b/s3.tf"),
			f("s3-versioning-disabled", "infra/legacy/a/b/s3.tf"),
			f("s3-public-acl", "vendor/main.tf"),
			f("s3-public-acl", "infra/main.tf"),
		},
		Diagnostics: hcl.Diagnostics{
			{Severity: hcl.DiagError, Summary: "broken", Subject: &hcl.Range{Filename: "infra/vendor/x.tf"}},
			{Severity: hcl.DiagError, Summary: "broken", Subject: &hcl.Range{Filename: "infra/legacy/x.tf"}},
		},
	}
	c.applyExclusions(res, cwd)
	var got []string
	for _, f := range res.Findings {
		s := "live"
		if f.Suppressed != nil {
			s = f.Suppressed.Kind + ": " + f.Suppressed.Reason
		}
		got = append(got, s)
	}
	want := []string{"config: excluded by .onus.yml (vendor)", "config: frozen", "live", "live", "live"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("suppressions (-want +got):\n%s", diff)
	}
	if res.Diagnostics[0].Severity != hcl.DiagWarning || res.Diagnostics[1].Severity != hcl.DiagError {
		t.Errorf("an error in a path excluded for every check should become a warning, others stay errors")
	}
}

func TestExpandVarFileArgs(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"env/main.tf", "env/vars.tf.json", "env/terraform.tfvars", "env/sub/x.tf", "lonely/prod.tfvars"} {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), []byte("\n"))
	}
	p := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	got, err := expandVarFileArgs([]string{p("env/main.tf"), p("env/terraform.tfvars"), p("lonely/prod.tfvars"), p("missing.tfvars")})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{p("env/main.tf"), p("env/vars.tf.json"), p("missing.tfvars")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("expanded (-want +got):\n%s", diff)
	}
}

func TestSARIFCategory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "infra", "main.tf"), []byte("\n"))
	tests := []struct {
		paths []string
		want  string
	}{
		{nil, "onus"},
		{[]string{"."}, "onus"},
		{[]string{"./infra/prod/"}, "onus/infra/prod"},
		{[]string{"b", "a", "b"}, "onus/a,b"},
		{[]string{filepath.Join(dir, "infra", "main.tf")}, "onus/infra"},
	}
	for _, tt := range tests {
		if got := sarifCategory(tt.paths, dir); got != tt.want {
			t.Errorf("sarifCategory(%q) = %q, want %q", tt.paths, got, tt.want)
		}
	}
}
