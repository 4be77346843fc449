package main

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-sec/onus/analyzer"
	"github.com/onus-sec/onus/checks"
)

// TestExplain runs the built binary outside the repository: the examples
// must come from the binary, not from testdata.
func TestExplain(t *testing.T) {
	stdout, stderr, code := runOnus(t, t.TempDir(), "explain", "lb-http-listener")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{
		"lb-http-listener: Load balancer listener serves plain HTTP\n",
		"\nWhy it matters\n",
		"\nWhose side\n  customer",
		"\nWhere AWS's part ends\n",
		"\nBad (testdata/checks/lb-http-listener/",
		"# <- lb-http-listener",
		"\nGood (testdata/checks/lb-http-listener/",
		"\nFix\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("explain output lacks %q:\n%s", want, stdout)
		}
	}
}

func TestExplainEveryCheck(t *testing.T) {
	for _, c := range checks.All() {
		stdout, stderr, code := runOnus(t, t.TempDir(), "explain", c.ID)
		if code != 0 || stderr != "" || !strings.HasPrefix(stdout, c.ID+": ") {
			t.Errorf("explain %s: exit %d, stderr %q, output starts %q", c.ID, code, stderr, firstLine(stdout))
		}
	}
}

func TestExplainUnknownSuggests(t *testing.T) {
	for _, tc := range []struct{ id, want string }{
		{"lb-htp-listener", `unknown check "lb-htp-listener"; did you mean lb-http-listener?`},
		{"s3-acl", "did you mean s3-public-acl"},
		{"zzzz", `unknown check "zzzz"; run 'onus checks' for the list`},
	} {
		stdout, stderr, code := runOnus(t, t.TempDir(), "explain", tc.id)
		if code != exitError || stdout != "" || !strings.Contains(stderr, tc.want) {
			t.Errorf("explain %s: exit %d, stdout %q, stderr %q; want exit 2 and %q", tc.id, code, stdout, stderr, tc.want)
		}
	}
	if _, _, code := runOnus(t, t.TempDir(), "explain"); code != exitError {
		t.Errorf("explain with no ID: exit %d, want 2", code)
	}
}

func TestClosestCheckIDs(t *testing.T) {
	all := []*analyzer.Check{{ID: "s3-public-acl"}, {ID: "s3-public-policy"}, {ID: "nacl-world-admin-port"}, {ID: "rds-public"}}
	for id, want := range map[string][]string{
		"s3-publc-acl":   {"s3-public-acl"},
		"s3-public-acls": {"s3-public-acl", "s3-public-policy"},
		"public":         {"rds-public", "s3-public-acl", "s3-public-policy"},
		"acl-public":     {"rds-public", "s3-public-acl"},
		"something-else": nil,
	} {
		if diff := cmp.Diff(want, closestCheckIDs(id, all, 3)); diff != "" {
			t.Errorf("closestCheckIDs(%q) (-want +got):\n%s", id, diff)
		}
	}
}

func TestChecksFormats(t *testing.T) {
	stdout, stderr, code := runOnus(t, t.TempDir(), "checks", "--format", "json")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("checks --format json: %v", err)
	}
	all := checks.All()
	if len(got) != len(all) {
		t.Fatalf("%d checks in JSON, %d registered", len(got), len(all))
	}
	want := []string{"boundary", "category", "fix", "id", "resources", "severity", "side", "title"}
	for i, obj := range got {
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if diff := cmp.Diff(want, keys); diff != "" {
			t.Errorf("check %d keys (-want +got):\n%s", i, diff)
		}
		if obj["id"] != all[i].ID {
			t.Errorf("check %d is %v, want %s", i, obj["id"], all[i].ID)
		}
	}

	stdout, _, code = runOnus(t, t.TempDir(), "checks", "--format", "markdown")
	if code != 0 || !strings.HasPrefix(stdout, "| ID | Title |") || strings.Count(stdout, "\n") != len(all)+2 {
		t.Errorf("checks --format markdown: exit %d\n%s", code, stdout)
	}
	if _, stderr, code := runOnus(t, t.TempDir(), "checks", "--format", "yaml"); code != exitError || !strings.Contains(stderr, `unknown format "yaml"`) {
		t.Errorf("checks --format yaml: exit %d, stderr %q", code, stderr)
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
