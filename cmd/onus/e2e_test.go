package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/onus-sec/onus/checks"
)

var update = flag.Bool("update", false, "rewrite the expected outputs in testdata/e2e")

// binary is the onus executable built once by TestMain.
var binary string

// scanDate pins the scan date of every end-to-end run, so that deprecation
// tables and ignore expiry dates do not make the expectations drift.
const scanDate = "2026-06-01"

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "onus-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "onus")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	build := exec.Command("go", "build", "-o", binary, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building onus: %v\n%s", err, out)
		_ = os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// Control files of an end-to-end archive; every other file is part of the
// Terraform tree.
const (
	argsFile     = "args"     // extra arguments to `onus scan`, whitespace-separated; # starts a comment line
	exitCodeFile = "exitcode" // the expected exit code; 0 when absent
	stderrFile   = "stderr"   // the expected standard error; empty when absent
	jsonFile     = "expect.json"
	textFile     = "expect.txt"
)

// TestEndToEnd runs the real binary over each testdata/e2e/*.txtar.
//
// An archive holds a Terraform tree and its expectations: the standard
// output in expect.json (or expect.txt when the arguments ask for text), the
// exit code, the standard error. The tree is written to a fresh directory and
// onus runs there as `onus scan --format json --now DATE ARGS...`, so file
// names in the output are relative to the tree. An archive whose comment has
// the line `example: NAME` scans testdata/examples/NAME instead of carrying a
// copy of it, so the bundled examples and their expectations cannot drift
// apart. Run with -update to rewrite the expectations.
func TestEndToEnd(t *testing.T) {
	archives, err := filepath.Glob(filepath.Join("..", "..", "testdata", "e2e", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(archives) == 0 {
		t.Fatal("no testdata/e2e/*.txtar found")
	}
	for _, path := range archives {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			runArchive(t, path)
		})
	}
}

func runArchive(t *testing.T, path string) {
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	control := map[string]string{}
	for _, f := range ar.Files {
		switch f.Name {
		case argsFile, exitCodeFile, stderrFile, jsonFile, textFile:
			control[f.Name] = string(f.Data)
			continue
		}
		writeFile(t, filepath.Join(dir, filepath.FromSlash(f.Name)), f.Data)
	}
	if example := exampleName(ar.Comment); example != "" {
		copyTree(t, filepath.Join("..", "..", "testdata", "examples", example), dir)
	}

	args := []string{"scan", "--format", "json", "--now", scanDate}
	args = append(args, parseArgs(control[argsFile])...)
	stdout, stderr, code := runOnus(t, dir, args...)

	outName := jsonFile
	if _, ok := control[textFile]; ok {
		outName = textFile
	}
	if *update {
		setControl(ar, outName, stdout)
		setControl(ar, exitCodeFile, "")
		if code != 0 {
			setControl(ar, exitCodeFile, fmt.Sprintf("%d\n", code))
		}
		setControl(ar, stderrFile, stderr)
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}

	wantCode := 0
	if s := strings.TrimSpace(control[exitCodeFile]); s != "" {
		if wantCode, err = strconv.Atoi(s); err != nil {
			t.Fatalf("%s: %v", exitCodeFile, err)
		}
	}
	if code != wantCode {
		t.Errorf("exit code %d, want %d\nstderr:\n%s", code, wantCode, stderr)
	}
	if diff := cmp.Diff(control[outName], stdout); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", outName, diff)
	}
	if diff := cmp.Diff(control[stderrFile], stderr); diff != "" {
		t.Errorf("standard error differs (-want +got):\n%s", diff)
	}
}

// exampleName reads the `example: NAME` line of an archive comment.
func exampleName(comment []byte) string {
	for _, line := range strings.Split(string(comment), "\n") {
		if name, ok := strings.CutPrefix(strings.TrimSpace(line), "example:"); ok {
			return strings.TrimSpace(name)
		}
	}
	return ""
}

// parseArgs splits the args file: whitespace-separated words, lines starting
// with # ignored.
func parseArgs(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		out = append(out, strings.Fields(line)...)
	}
	return out
}

// setControl replaces, adds or (when data is empty) removes a control file,
// keeping control files after the tree in a fixed order.
func setControl(ar *txtar.Archive, name, data string) {
	files := ar.Files[:0]
	for _, f := range ar.Files {
		if f.Name != name {
			files = append(files, f)
		}
	}
	if data != "" {
		files = append(files, txtar.File{Name: name, Data: []byte(data)})
	}
	order := map[string]int{argsFile: 1, exitCodeFile: 2, stderrFile: 3, jsonFile: 4, textFile: 4}
	sort.SliceStable(files, func(i, j int) bool { return order[files[i].Name] < order[files[j].Name] })
	ar.Files = files
}

// runOnus runs the built binary in dir and returns its standard output,
// standard error and exit code.
func runOnus(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		code = exitErr.ExitCode()
	case err != nil:
		t.Fatalf("running onus: %v", err)
	}
	return out.String(), errOut.String(), code
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		writeFile(t, filepath.Join(to, rel), data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestUsageErrors checks that every mistake on the command line exits 2 with
// a message that names the problem, before anything is scanned.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown format", []string{"scan", "--format", "xml"}, `unknown format "xml" (want text, json, sarif, rdjson, rdjsonl, github, markdown, junit)`},
		{"unknown format in --out", []string{"scan", "--out", "yaml=report.yaml"}, `unknown format "yaml"`},
		{"bad severity", []string{"scan", "--fail-on", "severe"}, `--fail-on: unknown severity "severe"`},
		{"unknown check", []string{"scan", "--checks", "s3-publik-acl"}, `--checks: unknown check ID "s3-publik-acl"`},
		{"unknown skip", []string{"scan", "--skip", "nope,also-nope"}, `--skip: unknown check ID "also-nope", "nope"`},
		{"unknown side", []string{"scan", "--side", "theirs"}, `--side: unknown side "theirs"`},
		{"bad date", []string{"scan", "--now", "yesterday"}, `--now: want a date`},
		{"bad --var", []string{"scan", "--var", "region"}, `--var: want NAME=VALUE, got "region"`},
		{"missing path", []string{"scan", "no/such/dir"}, `no/such/dir`},
		{"unknown flag", []string{"scan", "--colour"}, `unknown flag: --colour`},
		{"unknown command", []string{"sacn"}, `unknown command "sacn"`},
		{"extra argument", []string{"version", "now"}, `unknown command "now"`},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runOnus(t, dir, tt.args...)
			if code != exitError {
				t.Errorf("exit code %d, want %d", code, exitError)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("standard error %q does not contain %q", stderr, tt.want)
			}
			if stdout != "" {
				t.Errorf("standard output not empty:\n%s", stdout)
			}
		})
	}
	if entries, err := os.ReadDir(dir); err != nil || len(entries) != 0 {
		t.Errorf("a usage error left files behind: %v %v", entries, err)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		stdout, stderr, code := runOnus(t, t.TempDir(), args...)
		if code != 0 || stdout != "onus "+version+"\n" || stderr != "" {
			t.Errorf("onus %s: exit %d, stdout %q, stderr %q", strings.Join(args, " "), code, stdout, stderr)
		}
	}
}

func TestChecksCommand(t *testing.T) {
	stdout, stderr, code := runOnus(t, t.TempDir(), "checks")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "ID ") {
		t.Errorf("first line %q is not the header", lines[0])
	}
	all := checks.All()
	if len(lines) != len(all)+1 {
		t.Fatalf("%d lines for %d checks", len(lines), len(all))
	}
	for i, c := range all {
		if fields := strings.Fields(lines[i+1]); fields[0] != c.ID {
			t.Errorf("line %d lists %q, want %q", i+2, fields[0], c.ID)
		}
	}
}

// TestOutFiles checks --out: plain FILE takes --format, FORMAT=FILE its own
// format, and nothing goes to standard output.
func TestOutFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), []byte("resource \"aws_iam_access_key\" \"ci\" {\n  user = \"ci\"\n}\n"))
	stdout, stderr, code := runOnus(t, dir, "scan", "--now", scanDate, "--format", "json",
		"--out", "report.json", "--out", "text=report.txt", "--fail-on", "critical")
	if code != 0 || stdout != "" || stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	jsonOut, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(jsonOut, []byte("{\n  \"tool\": {")) {
		t.Errorf("report.json is not the JSON report:\n%s", jsonOut)
	}
	textOut, err := os.ReadFile(filepath.Join(dir, "report.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(textOut, []byte("\x1b[")) || !bytes.Contains(textOut, []byte("across 1 file")) {
		t.Errorf("report.txt is not the plain text report:\n%s", textOut)
	}
}
