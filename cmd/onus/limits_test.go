package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// accessKey is a resource with a finding of its own, put beside whatever
// trips a limit to prove that the rest of the tree is still reported.
const accessKey = `resource "aws_iam_access_key" "ci" {
  user = "ci"
}
`

// TestLimits trips each bound on hostile input with a flag set low and
// checks that the scan says where (file:line) and which flag raises it,
// and that findings elsewhere in the tree survive.
func TestLimits(t *testing.T) {
	deepChain := map[string]string{"other.tf": accessKey,
		"main.tf": "module \"a\" {\n  source = \"./a\"\n}\n"}
	for i, name := range []string{"a", "b", "c", "d"} {
		body := accessKey
		if i < 3 {
			next := []string{"b", "c", "d"}[i]
			body += fmt.Sprintf("\nmodule %q {\n  source = \"../%s\"\n}\n", next, next)
		}
		deepChain[name+"/main.tf"] = body
	}
	tests := []struct {
		name  string
		files map[string]string
		args  []string
		// warning is the text line that must appear, starting file:line.
		warning string
		// findings are the resources that must still be reported.
		findings []string
		code     int
	}{
		{
			name: "count over --max-instances",
			files: map[string]string{"other.tf": accessKey, "main.tf": `resource "aws_ebs_volume" "many" {
  count             = 50
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}
`},
			args:     []string{"--max-instances", "10"},
			warning:  "main.tf:2:23: warning: Too many instances: aws_ebs_volume.many has count = 50, over the limit of 10",
			findings: []string{"aws_iam_access_key.ci", "aws_ebs_volume.many[9]"},
			code:     1,
		},
		{
			name: "for_each over --max-instances",
			files: map[string]string{"other.tf": accessKey, "main.tf": `resource "aws_iam_access_key" "bots" {
  for_each = toset([for i in range(20) : "bot${i}"])
  user     = each.key
}
`},
			args:     []string{"--max-instances", "5"},
			warning:  "main.tf:2:14: warning: Too many instances",
			findings: []string{"aws_iam_access_key.ci", `aws_iam_access_key.bots["bot0"]`},
			code:     1,
		},
		{
			name:     "modules deeper than --max-module-depth",
			files:    deepChain,
			args:     []string{"--max-module-depth", "2"},
			warning:  "b/main.tf:5:1: warning: Module nesting too deep",
			findings: []string{"aws_iam_access_key.ci", "module.a.aws_iam_access_key.ci", "module.a.module.b.aws_iam_access_key.ci"},
			code:     1,
		},
		{
			name: "file over --max-file-size",
			files: map[string]string{"other.tf": accessKey,
				"big.tf": "# " + strings.Repeat("padding ", 200) + "\n" + accessKey},
			args:     []string{"--max-file-size", "1KB"},
			warning:  "big.tf:1:1: warning: File too large",
			findings: []string{"aws_iam_access_key.ci"},
			code:     1,
		},
		{
			name: "brackets deeper than --max-nesting",
			files: map[string]string{"other.tf": accessKey,
				"deep.tf": "locals {\n  x = " + strings.Repeat("[", 20) + strings.Repeat("]", 20) + "\n}\n"},
			args:     []string{"--max-nesting", "8"},
			warning:  "deep.tf:2:1: error: Nesting too deep",
			findings: []string{"aws_iam_access_key.ci"},
			code:     2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tt.files {
				writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), []byte(content))
			}
			args := append([]string{"scan", "--now", scanDate, "--no-color"}, tt.args...)
			text, stderr, code := runOnus(t, dir, args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr %q", code, tt.code, stderr)
			}
			if !containsLine(text, tt.warning) {
				t.Errorf("no line starting %q in:\n%s", tt.warning, text)
			}
			out, _, _ := runOnus(t, dir, append(args, "--format", "json")...)
			var doc struct {
				Findings []struct{ Resource string }
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("invalid JSON: %v\n%s", err, out)
			}
			got := map[string]bool{}
			for _, f := range doc.Findings {
				got[f.Resource] = true
			}
			for _, want := range tt.findings {
				if !got[want] {
					t.Errorf("finding on %s lost; got %v", want, got)
				}
			}
		})
	}
}

// TestLimitsDefaultRaised checks that a raised limit lets the whole
// expansion through without a warning.
func TestLimitsDefaultRaised(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), []byte(`resource "aws_iam_access_key" "bots" {
  count = 12000
  user  = "bot${count.index}"
}
`))
	text, _, _ := runOnus(t, dir, "scan", "--now", scanDate, "--no-color", "--quiet", "--max-instances", "20000", "--format", "json")
	var doc struct {
		Summary struct{ Findings int }
	}
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Summary.Findings != 12000 {
		t.Errorf("%d findings, want one per instance (12000)", doc.Summary.Findings)
	}
}

func TestLimitFlagErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--max-file-size", "lots"}, `--max-file-size: want a positive size such as 10MB, got "lots"`},
		{[]string{"--max-file-size", "0"}, `--max-file-size: want a positive size`},
		{[]string{"--max-instances", "-1"}, `--max-instances: want a positive number, got -1`},
		{[]string{"--max-module-depth", "-3"}, `--max-module-depth: want a positive number`},
		{[]string{"--profile", "heap=x"}, `--profile: want cpu=FILE or mem=FILE, got "heap=x"`},
	}
	for _, tt := range tests {
		_, stderr, code := runOnus(t, t.TempDir(), append([]string{"scan"}, tt.args...)...)
		if code != exitError || !strings.Contains(stderr, tt.want) {
			t.Errorf("onus scan %s: exit %d, stderr %q; want 2 and %q", strings.Join(tt.args, " "), code, stderr, tt.want)
		}
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1", 1, true},
		{"10MB", 10 << 20, true},
		{"10 mb", 10 << 20, true},
		{"512KB", 512 << 10, true},
		{"2GB", 2 << 30, true},
		{"100B", 100, true},
		{"", 0, false},
		{"-1", 0, false},
		{"1.5MB", 0, false},
		{"99999999999999GB", 0, false},
	}
	for _, tt := range tests {
		got, err := parseSize(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

// containsLine reports whether some line of text starts with prefix.
func containsLine(text, prefix string) bool {
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, prefix) {
			return true
		}
	}
	return false
}
