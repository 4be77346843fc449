package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

// respDocument is the JSON responsibility map, read back.
type respDocument struct {
	Resources []respResource `json:"resources"`
	Summary   respSummary    `json:"summary"`
}

type respResource struct {
	Address  string        `json:"address"`
	Type     string        `json:"type"`
	Location respLocation  `json:"location"`
	Controls []respControl `json:"controls"`
}

type respLocation struct {
	File        string `json:"file"`
	StartLine   int    `json:"start_line"`
	StartColumn int    `json:"start_column"`
	EndLine     int    `json:"end_line"`
	EndColumn   int    `json:"end_column"`
}

type respControl struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Side   string `json:"side"`
	Status string `json:"status"`
	Detail string `json:"detail"`
}

type respSummary struct {
	Customer map[string]int `json:"customer"`
	Shared   map[string]int `json:"shared"`
	AWS      map[string]int `json:"aws"`
}

// scanFinding is what these tests read of a finding of `onus scan`.
type scanFinding struct {
	CheckID    string          `json:"check_id"`
	Resource   string          `json:"resource"`
	Suppressed json.RawMessage `json:"suppressed"`
}

// responsibility runs `onus responsibility --format json` in dir and decodes
// the map, failing on any field the contract does not name.
func responsibility(t *testing.T, dir string, args ...string) respDocument {
	t.Helper()
	args = append([]string{"responsibility", "--format", "json", "--now", scanDate}, args...)
	stdout, stderr, code := runOnus(t, dir, args...)
	if code != 0 || stderr != "" {
		t.Fatalf("onus %s: exit %d, stderr %q", strings.Join(args, " "), code, stderr)
	}
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	var doc respDocument
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("decoding the map: %v\n%s", err, stdout)
	}
	return doc
}

// scanFindings runs `onus scan --format json` in dir and returns its
// findings.
func scanFindings(t *testing.T, dir string, args ...string) []scanFinding {
	t.Helper()
	args = append([]string{"scan", "--format", "json", "--now", scanDate}, args...)
	stdout, _, code := runOnus(t, dir, args...)
	if code == exitError {
		t.Fatalf("onus %s: exit %d", strings.Join(args, " "), code)
	}
	var doc struct {
		Findings []scanFinding `json:"findings"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("decoding the scan: %v", err)
	}
	return doc.Findings
}

// checkMapInvariants checks what holds for every map: every resource has
// controls, AWS's part among them; sides and statuses are the documented
// ones; the summary counts what is listed; the failed and suppressed controls
// are the findings of `onus scan`, one for one.
func checkMapInvariants(t *testing.T, doc respDocument, findings []scanFinding) {
	t.Helper()
	counted := map[string]map[string]int{"customer": {}, "shared": {}, "aws": {}}
	var fails, suppressed []string
	for _, r := range doc.Resources {
		if len(r.Controls) == 0 {
			t.Errorf("%s has no control", r.Address)
		}
		aws := false
		for _, c := range r.Controls {
			switch c.Side {
			case "aws":
				aws = true
				if c.Status != "info" {
					t.Errorf("%s: AWS control %s has status %q, want info", r.Address, c.ID, c.Status)
				}
				if c.Detail == "" {
					t.Errorf("%s: AWS control %s says nothing", r.Address, c.ID)
				}
			case "customer", "shared":
				switch c.Status {
				case "pass", "fail", "unknown", "suppressed":
				default:
					t.Errorf("%s: control %s has status %q", r.Address, c.ID, c.Status)
				}
				if c.Status == "unknown" && !strings.Contains(c.Detail, "unknown") {
					t.Errorf("%s: unknown control %s does not say what is unknown: %q", r.Address, c.ID, c.Detail)
				}
			default:
				t.Errorf("%s: control %s has side %q", r.Address, c.ID, c.Side)
			}
			if counted[c.Side] != nil {
				counted[c.Side][c.Status]++
			}
			key := c.ID + " " + r.Address
			switch c.Status {
			case "fail":
				fails = append(fails, key)
			case "suppressed":
				suppressed = append(suppressed, key)
			}
		}
		if !aws {
			t.Errorf("%s (%s) shows nothing of AWS's side", r.Address, r.Type)
		}
		if r.Location.File == "" || r.Location.StartLine < 1 {
			t.Errorf("%s has no location: %+v", r.Address, r.Location)
		}
	}
	want := respSummary{Customer: map[string]int{}, Shared: map[string]int{}, AWS: map[string]int{}}
	for _, st := range []string{"pass", "fail", "unknown", "suppressed"} {
		want.Customer[st] = counted["customer"][st]
		want.Shared[st] = counted["shared"][st]
	}
	want.AWS["info"] = counted["aws"]["info"]
	if diff := cmp.Diff(want, doc.Summary); diff != "" {
		t.Errorf("summary does not count the controls listed (-counted +summary):\n%s", diff)
	}
	var live, silenced []string
	for _, f := range findings {
		key := f.CheckID + " " + f.Resource
		if string(f.Suppressed) == "null" || len(f.Suppressed) == 0 {
			live = append(live, key)
		} else {
			silenced = append(silenced, key)
		}
	}
	sort.Strings(fails)
	sort.Strings(live)
	sort.Strings(suppressed)
	sort.Strings(silenced)
	if diff := cmp.Diff(live, fails); diff != "" {
		t.Errorf("failed controls differ from the live findings of onus scan (-scan +map):\n%s", diff)
	}
	if diff := cmp.Diff(silenced, suppressed); diff != "" {
		t.Errorf("suppressed controls differ from the suppressed findings of onus scan (-scan +map):\n%s", diff)
	}
}

// controlOf returns the status of one control of one resource, "" when the
// map has none.
func controlOf(doc respDocument, address, id string) []string {
	var out []string
	for _, r := range doc.Resources {
		if r.Address != address {
			continue
		}
		for _, c := range r.Controls {
			if c.ID == id {
				out = append(out, c.Status)
			}
		}
	}
	return out
}

func TestResponsibilityExamples(t *testing.T) {
	for _, name := range []string{"secure", "insecure"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("..", "..", "testdata", "examples", name)
			doc := responsibility(t, dir)
			checkMapInvariants(t, doc, scanFindings(t, dir))
			if name == "secure" && doc.Summary.Customer["fail"]+doc.Summary.Shared["fail"] != 0 {
				t.Errorf("the secure example has failed controls: %+v", doc.Summary)
			}
			if name == "insecure" && doc.Summary.Customer["fail"] == 0 {
				t.Errorf("the insecure example has no failed control")
			}
		})
	}
}

// TestResponsibilityArchives runs the map over the trees of
// testdata/responsibility/*.txtar and checks, for each, the invariants, the
// statuses the archive's `want` file lists (lines `ADDRESS CHECK STATUS`),
// and the outputs it holds (expect.json, expect.txt, expect.md), which
// -update rewrites.
func TestResponsibilityArchives(t *testing.T) {
	archives, err := filepath.Glob(filepath.Join("..", "..", "testdata", "responsibility", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(archives) == 0 {
		t.Fatal("no testdata/responsibility/*.txtar found")
	}
	for _, path := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			runResponsibilityArchive(t, path)
		})
	}
}

// Control files of a responsibility archive.
const (
	respWant = "want" // lines: ADDRESS CHECK-ID STATUS[,STATUS...]; # comments
	respJSON = "expect.json"
	respText = "expect.txt"
	respMD   = "expect.md"
)

func runResponsibilityArchive(t *testing.T, path string) {
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	control := map[string]string{}
	for _, f := range ar.Files {
		switch f.Name {
		case respWant, respJSON, respText, respMD, argsFile:
			control[f.Name] = string(f.Data)
			continue
		}
		writeFile(t, filepath.Join(dir, filepath.FromSlash(f.Name)), f.Data)
	}
	args := parseArgs(control[argsFile])
	doc := responsibility(t, dir, args...)
	checkMapInvariants(t, doc, scanFindings(t, dir, args...))
	if strings.HasPrefix(filepath.Base(path), "hardened") {
		// A hardened tree leaves nothing failed or open.
		for _, r := range doc.Resources {
			for _, c := range r.Controls {
				if c.Status == "fail" || c.Status == "unknown" {
					t.Errorf("%s %s: %s (%s)", r.Address, c.ID, c.Status, c.Detail)
				}
			}
		}
	}
	for i, line := range strings.Split(control[respWant], "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		if len(fields) != 3 {
			t.Fatalf("want:%d: want ADDRESS CHECK STATUS, got %q", i+1, line)
		}
		got := controlOf(doc, fields[0], fields[1])
		if want := strings.Split(fields[2], ","); !cmp.Equal(want, got) {
			t.Errorf("%s %s: status %v, want %v", fields[0], fields[1], got, want)
		}
	}
	for _, out := range []struct{ file, format string }{{respJSON, "json"}, {respText, "text"}, {respMD, "markdown"}} {
		want, ok := control[out.file]
		if !ok {
			continue
		}
		full := append([]string{"responsibility", "--format", out.format, "--now", scanDate}, args...)
		stdout, _, _ := runOnus(t, dir, full...)
		if *update {
			setResponsibilityControl(ar, out.file, stdout)
			continue
		}
		if diff := cmp.Diff(want, stdout); diff != "" {
			t.Errorf("%s differs (-want +got):\n%s", out.file, diff)
		}
	}
	if *update {
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func setResponsibilityControl(ar *txtar.Archive, name, data string) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = []byte(data)
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
}

// TestResponsibilitySide checks that --side keeps the controls of one side
// and the resources that have some, and that fail counts still agree with a
// scan of the same side.
func TestResponsibilitySide(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "examples", "insecure")
	all := responsibility(t, dir)
	for _, side := range []string{"customer", "shared", "aws"} {
		t.Run(side, func(t *testing.T) {
			doc := responsibility(t, dir, "--side", side)
			n := 0
			for _, r := range doc.Resources {
				for _, c := range r.Controls {
					n++
					if c.Side != side {
						t.Errorf("--side %s shows %s control %s of %s", side, c.Side, c.ID, r.Address)
					}
				}
			}
			want := 0
			for _, r := range all.Resources {
				for _, c := range r.Controls {
					if c.Side == side {
						want++
					}
				}
			}
			if n != want || n == 0 && side != "shared" {
				t.Errorf("--side %s shows %d controls, the full map has %d of that side", side, n, want)
			}
			if side == "aws" {
				return
			}
			fails := doc.Summary.Customer["fail"] + doc.Summary.Shared["fail"]
			live := 0
			for _, f := range scanFindings(t, dir, "--side", side) {
				if string(f.Suppressed) == "null" {
					live++
				}
			}
			if fails != live {
				t.Errorf("--side %s: %d failed controls, onus scan --side %s has %d live findings", side, fails, side, live)
			}
		})
	}
}

func TestResponsibilityUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"responsibility", "--format", "sarif"}, `unknown format "sarif" (want text, json, markdown)`},
		{[]string{"responsibility", "--side", "theirs"}, `--side: unknown side "theirs"`},
		{[]string{"responsibility", "--checks", "nope"}, `--checks: unknown check ID "nope"`},
		{[]string{"responsibility", "--var", "region"}, `--var: want NAME=VALUE`},
		{[]string{"responsibility", "no/such/dir"}, `no/such/dir`},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[1:], " "), func(t *testing.T) {
			stdout, stderr, code := runOnus(t, dir, tt.args...)
			if code != exitError || !strings.Contains(stderr, tt.want) || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and %q", code, stdout, stderr, exitError, tt.want)
			}
		})
	}
}

// TestResponsibilityBrokenFile checks that a file that does not parse makes
// the exit status 2 and is named on standard error, while the map of the
// rest is still printed.
func TestResponsibilityBrokenFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), []byte("resource \"aws_ebs_volume\" \"v\" {\n  availability_zone = \"eu-west-1a\"\n  encrypted = false\n}\n"))
	writeFile(t, filepath.Join(dir, "broken.tf"), []byte("resource \"aws_s3_bucket\" \"b\" {\n  bucket =\n"))
	stdout, stderr, code := runOnus(t, dir, "responsibility", "--format", "json", "--now", scanDate)
	if code != exitError || !strings.Contains(stderr, "broken.tf:") {
		t.Errorf("exit %d, stderr %q; want exit 2 naming broken.tf", code, stderr)
	}
	if !strings.Contains(stdout, `"aws_ebs_volume.v"`) {
		t.Errorf("the map of the good file is missing:\n%s", stdout)
	}
}

// TestResponsibilityOutFile checks --out: the map goes to the file, nothing
// to standard output.
func TestResponsibilityOutFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), []byte("resource \"aws_iam_access_key\" \"ci\" {\n  user = \"ci\"\n}\n"))
	stdout, stderr, code := runOnus(t, dir, "responsibility", "--format", "markdown", "--out", "map.md", "--now", scanDate)
	if code != 0 || stdout != "" || stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "map.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "## Responsibility map") || !strings.Contains(string(data), "**fail**") {
		t.Errorf("map.md is not the markdown map:\n%s", data)
	}
}

// TestResponsibilityDeterministic runs the map twice over the same tree and
// compares the bytes.
func TestResponsibilityDeterministic(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "examples", "insecure")
	var outs []string
	for i := 0; i < 3; i++ {
		stdout, _, _ := runOnus(t, dir, "responsibility", "--format", "text", "--now", scanDate)
		outs = append(outs, stdout)
	}
	for i := 1; i < len(outs); i++ {
		if outs[i] != outs[0] {
			t.Fatalf("run %d differs from run 0:\n%s", i, cmp.Diff(outs[0], outs[i]))
		}
	}
	if !strings.Contains(outs[0], fmt.Sprintf("%d resources", len(responsibility(t, dir).Resources))) {
		t.Errorf("the text summary does not count the resources:\n%s", outs[0])
	}
}
