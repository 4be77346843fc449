package main

// End-to-end tests of the pull-request and hook integrations: SARIF for
// every end-to-end case, the real pre-commit program, a baseline across
// edits, and the real reviewdog. Programs that are not installed skip their
// test with a message.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/tools/txtar"
)

// materialize writes the tree of an end-to-end archive to a new directory
// and returns it with the archive's arguments.
func materialize(t *testing.T, path string) (dir string, args []string) {
	t.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	for _, f := range ar.Files {
		switch f.Name {
		case argsFile:
			args = parseArgs(string(f.Data))
			continue
		case exitCodeFile, stderrFile, jsonFile, textFile:
			continue
		}
		writeFile(t, filepath.Join(dir, filepath.FromSlash(f.Name)), f.Data)
	}
	if example := exampleName(ar.Comment); example != "" {
		copyTree(t, filepath.Join("..", "..", "testdata", "examples", example), dir)
	}
	return dir, args
}

// sarifValidator compiles the SARIF 2.1.0 schema from ../shared, or returns
// nil when that directory is not beside the repository.
func sarifValidator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "..", "shared", "sarif", "sarif-schema-2.1.0.json"))
	if err != nil {
		return nil
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const id = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sarifDoc is the part of a SARIF log the end-to-end checks read.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID         string `json:"id"`
					Help       struct{ Text, Markdown string }
					Properties struct {
						SecuritySeverity string   `json:"security-severity"`
						Tags             []string `json:"tags"`
					} `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region *struct {
						StartLine, StartColumn, EndLine, EndColumn int
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Suppressions        []any             `json:"suppressions"`
		} `json:"results"`
	} `json:"runs"`
}

// TestEndToEndSARIF scans every end-to-end case again with --format sarif:
// the log must validate against the SARIF 2.1.0 schema, satisfy what GitHub
// code scanning checks on upload, and agree with the JSON output on the
// number of live findings. With ONUS_SARIF_MULTITOOL naming Microsoft's
// SARIF Multitool, each log is also run through its validator with GitHub's
// rules and must draw no error and no warning.
func TestEndToEndSARIF(t *testing.T) {
	schema := sarifValidator(t)
	if schema == nil {
		t.Log("../shared/sarif/sarif-schema-2.1.0.json not found: SARIF is checked without the schema")
	}
	multitool := os.Getenv("ONUS_SARIF_MULTITOOL")
	archives, err := filepath.Glob(filepath.Join("..", "..", "testdata", "e2e", "*.txtar"))
	if err != nil || len(archives) == 0 {
		t.Fatalf("no archives: %v", err)
	}
	for _, path := range archives {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			dir, args := materialize(t, path)
			base := append([]string{"scan", "--now", scanDate}, args...)
			jsonOut, _, jsonCode := runOnus(t, dir, append(base, "--format", "json")...)
			sarifOut, stderr, sarifCode := runOnus(t, dir, append(base, "--format", "sarif")...)
			if jsonCode != sarifCode {
				t.Errorf("exit code %d with SARIF, %d with JSON", sarifCode, jsonCode)
			}
			if sarifCode == exitError && sarifOut == "" {
				return // a usage or configuration error: no report at all
			}
			var summary struct {
				Findings []json.RawMessage
				Summary  struct{ Findings int }
			}
			if err := json.Unmarshal([]byte(jsonOut), &summary); err != nil {
				t.Fatalf("JSON output: %v\n%s", err, jsonOut)
			}
			if schema != nil {
				inst, err := jsonschema.UnmarshalJSON(strings.NewReader(sarifOut))
				if err != nil {
					t.Fatalf("SARIF output is not JSON: %v\n%s", err, stderr)
				}
				if err := schema.Validate(inst); err != nil {
					t.Errorf("SARIF does not validate against the 2.1.0 schema: %v", err)
				}
			}
			var doc sarifDoc
			if err := json.Unmarshal([]byte(sarifOut), &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Runs) != 1 {
				t.Fatalf("%d runs, want 1", len(doc.Runs))
			}
			checkGitHubSARIF(t, doc)
			live := 0
			for _, r := range doc.Runs[0].Results {
				if len(r.Suppressions) == 0 {
					live++
				}
			}
			if live != summary.Summary.Findings || len(doc.Runs[0].Results) != len(summary.Findings) {
				t.Errorf("SARIF has %d results, %d live; JSON has %d findings, %d live",
					len(doc.Runs[0].Results), live, len(summary.Findings), summary.Summary.Findings)
			}
			if multitool != "" {
				runMultitool(t, multitool, dir, sarifOut)
			}
		})
	}
}

// checkGitHubSARIF checks what GitHub requires of each result: a rule with
// help and a security-severity, a relative URI with a base, a full region
// and a fingerprint.
func checkGitHubSARIF(t *testing.T, doc sarifDoc) {
	t.Helper()
	run := doc.Runs[0]
	rules := run.Tool.Driver.Rules
	for _, r := range rules {
		if r.Help.Text == "" || r.Properties.SecuritySeverity == "" || len(r.Properties.Tags) == 0 {
			t.Errorf("rule %s lacks help, security-severity or tags", r.ID)
		}
	}
	for _, r := range run.Results {
		if r.RuleIndex < 0 || r.RuleIndex >= len(rules) || rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result of %s has no rule at index %d", r.RuleID, r.RuleIndex)
		}
		if len(r.Locations) == 0 {
			t.Errorf("result of %s has no location", r.RuleID)
			continue
		}
		loc := r.Locations[0].PhysicalLocation
		if u := loc.ArtifactLocation.URI; u == "" || strings.HasPrefix(u, "/") || strings.Contains(u, "://") || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result of %s: artifact location %+v is not relative to %%SRCROOT%%", r.RuleID, loc.ArtifactLocation)
		}
		if g := loc.Region; g == nil || g.StartLine < 1 || g.StartColumn < 1 || g.EndLine < 1 || g.EndColumn < 1 {
			t.Errorf("result of %s: region %+v is not full", r.RuleID, g)
		}
		if len(r.PartialFingerprints) == 0 {
			t.Errorf("result of %s has no partialFingerprints", r.RuleID)
		}
	}
}

// multitoolProblem matches a problem line of `Sarif.Multitool validate`,
// "file(line,col): error GH1001: ..." for the log and "SARIF.MULTITOOL :
// error ERR997..." for the tool itself.
var multitoolProblem = regexp.MustCompile(`: (error|warning) [A-Z]+[0-9]+`)

func runMultitool(t *testing.T, tool, dir, sarif string) {
	t.Helper()
	in := filepath.Join(dir, "out.sarif")
	if err := os.WriteFile(in, []byte(sarif), 0o644); err != nil {
		t.Fatal(err)
	}
	//nolint:gosec // G702: the validator is the one the person running the tests named in ONUS_SARIF_MULTITOOL.
	cmd := exec.Command(tool, "validate", in, "--rule-kind", "Gh;Sarif", "--output", filepath.Join(dir, "validation.sarif"), "--log", "ForceOverwrite")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("SARIF Multitool: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if multitoolProblem.MatchString(line) {
			t.Errorf("SARIF Multitool: %s", strings.TrimSpace(line))
		}
	}
}

// gitEnv is the environment for git commands in tests: a fixed identity and
// no user or system configuration.
func gitEnv() []string {
	return append(os.Environ(),
		"GIT_AUTHOR_NAME=onus test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=onus test", "GIT_COMMITTER_EMAIL=test@example.com",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
}

func mustRun(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// sourceCopy copies the packages onus is built from (Go files and embedded
// data, no tests), go.mod, go.sum and .pre-commit-hooks.yaml into a new git
// repository, commits them and returns its path and the commit: what
// pre-commit clones, as it would clone this repository from GitHub.
func sourceCopy(t *testing.T) (dir, rev string) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir = filepath.Join(t.TempDir(), "onus")
	list := exec.Command("go", "list", "-deps", "-f",
		`{{if .Module}}{{if .Module.Main}}{{.Dir}}|{{join .GoFiles ","}}|{{join .EmbedFiles ","}}{{end}}{{end}}`, "./cmd/onus")
	list.Dir = root
	out, err := list.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	copyFile := func(from, to string) {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, to, data)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		parts := strings.Split(line, "|")
		rel, err := filepath.Rel(root, parts[0])
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range strings.Split(parts[1]+","+parts[2], ",") {
			if f != "" {
				copyFile(filepath.Join(parts[0], f), filepath.Join(dir, rel, f))
			}
		}
	}
	for _, f := range []string{"go.mod", "go.sum", ".pre-commit-hooks.yaml"} {
		copyFile(filepath.Join(root, f), filepath.Join(dir, f))
	}
	env := gitEnv()
	mustRun(t, dir, env, "git", "init", "-q")
	mustRun(t, dir, env, "git", "add", "-A")
	mustRun(t, dir, env, "git", "commit", "-q", "-m", "onus")
	return dir, strings.TrimSpace(mustRun(t, dir, env, "git", "rev-parse", "HEAD"))
}

const publicBucket = `resource "aws_s3_bucket" "public" {
  bucket = "acme-public-assets"
}

resource "aws_s3_bucket_acl" "public" {
  bucket = aws_s3_bucket.public.id
  acl    = "public-read"
}
`

// TestPreCommitHook installs the hook of .pre-commit-hooks.yaml with the
// real pre-commit program, as a user's .pre-commit-config.yaml would, and
// checks that a commit of the hardened example passes while a commit adding
// a public bucket is blocked. pre-commit builds onus with go install
// (language: golang); the test keeps that offline with the local module
// cache.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds onus through pre-commit; skipped with -short")
	}
	for _, prog := range []string{"pre-commit", "git"} {
		if _, err := exec.LookPath(prog); err != nil {
			t.Skipf("%s is not installed (apt-get install pre-commit): skipping the pre-commit end-to-end test", prog)
		}
	}
	src, rev := sourceCopy(t)
	modCache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	env := append(gitEnv(),
		"PRE_COMMIT_HOME="+t.TempDir(),
		"GOMODCACHE="+strings.TrimSpace(string(modCache)),
		"GOPROXY=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local")

	repo := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "testdata", "examples", "secure"), repo)
	writeFile(t, filepath.Join(repo, ".pre-commit-config.yaml"), []byte(fmt.Sprintf(
		"repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: onus\n", src, rev)))
	mustRun(t, repo, env, "git", "init", "-q")
	mustRun(t, repo, env, "pre-commit", "install")
	mustRun(t, repo, env, "git", "add", "-A")
	start := time.Now()
	out := mustRun(t, repo, env, "git", "commit", "-m", "hardened stack")
	t.Logf("first commit, building onus through pre-commit: %v", time.Since(start).Round(time.Millisecond))
	if !strings.Contains(out, "onus") || !strings.Contains(out, "Passed") {
		t.Errorf("the hook did not run on the clean commit:\n%s", out)
	}

	writeFile(t, filepath.Join(repo, "public.tf"), []byte(publicBucket))
	mustRun(t, repo, env, "git", "add", "public.tf")
	start = time.Now()
	commit := exec.Command("git", "commit", "-m", "public bucket")
	commit.Dir, commit.Env = repo, env
	blocked, err := commit.CombinedOutput()
	t.Logf("second commit, hook installed: %v", time.Since(start).Round(time.Millisecond))
	if err == nil {
		t.Fatalf("the commit adding a public bucket was not blocked:\n%s", blocked)
	}
	if !strings.Contains(string(blocked), "public.tf:7:3: CRITICAL s3-public-acl") {
		t.Errorf("the hook's output does not show the public ACL:\n%s", blocked)
	}
	if log := mustRun(t, repo, env, "git", "log", "--oneline"); strings.Count(log, "\n") != 1 {
		t.Errorf("git log after the blocked commit:\n%s", log)
	}
}

const openRDP = `resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = aws_security_group.web.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 3389
  to_port           = 3389
  ip_protocol       = "tcp"
}
`

// TestBaselineAcrossEdits writes a baseline of the insecure example, shifts
// every line of every file and moves a file's resources into another file,
// and checks that the rescan exits 0 with everything known; then a newly
// added open RDP rule must be the only live finding.
func TestBaselineAcrossEdits(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "testdata", "examples", "insecure"), dir)
	_, stderr, code := runOnus(t, dir, "scan", "--now", scanDate, "-q", "--baseline-write", "onus-baseline.json")
	if code != exitFindings {
		t.Fatalf("writing the baseline: exit %d, want %d (the example has findings)\n%s", code, exitFindings, stderr)
	}
	before := scanJSON(t, dir)

	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".tf") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(path, append([]byte("# Reviewed in the last audit.\n\n\n"), data...), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "compute.tf"), filepath.Join(dir, "instances.tf")); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runOnus(t, dir, "scan", "--now", scanDate, "--format", "json", "--baseline", "onus-baseline.json")
	if code != exitOK {
		t.Fatalf("rescan after the edits: exit %d, want 0\n%s%s", code, stdout, stderr)
	}
	after := decodeScan(t, stdout)
	if after.Summary.Findings != 0 || after.Summary.Suppressed != before.Summary.Findings {
		t.Errorf("after the edits: %d live, %d suppressed; want 0 and %d", after.Summary.Findings, after.Summary.Suppressed, before.Summary.Findings)
	}

	writeFile(t, filepath.Join(dir, "rdp.tf"), []byte(openRDP))
	stdout, _, code = runOnus(t, dir, "scan", "--now", scanDate, "--format", "json", "--baseline", "onus-baseline.json")
	if code != exitFindings {
		t.Errorf("with the RDP rule: exit %d, want %d", code, exitFindings)
	}
	var live []string
	for _, f := range decodeScan(t, stdout).Findings {
		if f.Suppressed == nil {
			live = append(live, fmt.Sprintf("%s %s %s:%d", f.CheckID, f.Resource, f.Location.File, f.Location.StartLine))
		} else if f.Suppressed.Kind != "baseline" {
			t.Errorf("finding %s suppressed by %q, want baseline", f.CheckID, f.Suppressed.Kind)
		}
	}
	want := "sg-world-admin-port aws_vpc_security_group_ingress_rule.rdp rdp.tf:3"
	if len(live) != 1 || live[0] != want {
		t.Errorf("live findings %q, want only %q", live, want)
	}
}

type scanOutput struct {
	Findings []struct {
		CheckID  string `json:"check_id"`
		Resource string
		Location struct {
			File      string
			StartLine int `json:"start_line"`
		}
		Suppressed *struct{ Kind string }
	}
	Summary struct{ Findings, Suppressed int }
}

func scanJSON(t *testing.T, dir string, args ...string) scanOutput {
	t.Helper()
	stdout, _, _ := runOnus(t, dir, append([]string{"scan", "--now", scanDate, "--format", "json"}, args...)...)
	return decodeScan(t, stdout)
}

func decodeScan(t *testing.T, stdout string) scanOutput {
	t.Helper()
	var out scanOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("JSON output: %v\n%s", err, stdout)
	}
	return out
}

// TestReviewdog feeds onus's rdjson and rdjsonl output to the real
// reviewdog (ONUS_REVIEWDOG, or reviewdog on PATH) in a git repository:
// without a diff filter it must print every live finding; with
// -filter-mode=added over the working tree's diff, only what the change
// added.
func TestReviewdog(t *testing.T) {
	reviewdog := os.Getenv("ONUS_REVIEWDOG")
	if reviewdog == "" {
		var err error
		if reviewdog, err = exec.LookPath("reviewdog"); err != nil {
			t.Skip("reviewdog is not installed (go install github.com/reviewdog/reviewdog/cmd/reviewdog@v0.21.0, or set ONUS_REVIEWDOG): skipping")
		}
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "testdata", "examples", "insecure"), dir)
	env := gitEnv()
	mustRun(t, dir, env, "git", "init", "-q")
	mustRun(t, dir, env, "git", "add", "-A")
	mustRun(t, dir, env, "git", "commit", "-q", "-m", "base")
	live := scanJSON(t, dir).Summary.Findings

	review := func(format string, args ...string) []string {
		t.Helper()
		report, _, _ := runOnus(t, dir, "scan", "--now", scanDate, "--format", format)
		//nolint:gosec // G702: reviewdog is the one on PATH or named in ONUS_REVIEWDOG by the person running the tests.
		cmd := exec.Command(reviewdog, append([]string{"-f=" + format, "-reporter=local"}, args...)...)
		cmd.Dir, cmd.Env, cmd.Stdin = dir, env, strings.NewReader(report)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		// reviewdog exits 0 unless told to fail on findings.
		if err := cmd.Run(); err != nil {
			t.Fatalf("reviewdog %s: %v\n%s", format, err, errOut.String())
		}
		var lines []string
		for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			if strings.Contains(l, ".tf:") {
				lines = append(lines, l)
			}
		}
		return lines
	}
	for _, format := range []string{"rdjson", "rdjsonl"} {
		if got := review(format, "-filter-mode=nofilter"); len(got) != live {
			t.Errorf("reviewdog -f=%s printed %d findings, want the %d live ones:\n%s", format, len(got), live, strings.Join(got, "\n"))
		}
	}
	writeFile(t, filepath.Join(dir, "rdp.tf"), []byte(openRDP))
	mustRun(t, dir, env, "git", "add", "rdp.tf")
	got := review("rdjson", "-filter-mode=added", "-diff=git diff --cached")
	want := "rdp.tf:3:3: critical sg-world-admin-port [customer side] aws_vpc_security_group_ingress_rule.rdp"
	if len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("reviewdog over the diff printed:\n%s\nwant one line starting %q", strings.Join(got, "\n"), want)
	}
}

// TestOutDash checks that "-" as an --out file is standard output, so that
// one run prints a format and files another, as the GitHub Action does.
func TestOutDash(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), []byte(publicBucket))
	stdout, stderr, code := runOnus(t, dir, "scan", "--now", scanDate, "--out", "github=-", "--out", "sarif=onus.sarif")
	if code != exitFindings || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(stdout, "::") || !strings.Contains(stdout, "s3-public-acl") {
		t.Errorf("standard output is not the github format:\n%s", stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Errorf("a file named - was written")
	}
	if data, err := os.ReadFile(filepath.Join(dir, "onus.sarif")); err != nil || !bytes.Contains(data, []byte(`"version": "2.1.0"`)) {
		t.Errorf("onus.sarif: %v", err)
	}
}
