package checks

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/onus-sec/onus/analyzer"
)

// fixtureDate is the scan date of every fixture run, so that date-based
// checks give the same answer whenever the tests run.
var fixtureDate = time.Date(2026, time.June, 1, 0, 0, 0, 0, time.UTC)

var wantRE = regexp.MustCompile(`\bwant((?:\s+"[^"]+")+)`)
var quotedRE = regexp.MustCompile(`"([^"]+)"`)

// TestFixtures runs each check over testdata/checks/<id>/<case>/ and compares
// its findings with the `# want "<id>"` comments of the case: a missing
// finding and an unexpected one both fail.
func TestFixtures(t *testing.T) {
	root := filepath.Join("..", "testdata", "checks")
	ids, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, idDir := range ids {
		if !idDir.IsDir() {
			continue
		}
		id := idDir.Name()
		t.Run(id, func(t *testing.T) {
			c := ByID(id)
			if c == nil {
				t.Fatalf("testdata/checks/%s has no registered check", id)
			}
			cases, err := os.ReadDir(filepath.Join(root, id))
			if err != nil {
				t.Fatal(err)
			}
			for _, cs := range cases {
				if !cs.IsDir() {
					continue
				}
				dir := filepath.Join(root, id, cs.Name())
				t.Run(cs.Name(), func(t *testing.T) {
					runFixture(t, c, dir)
				})
			}
		})
	}
}

type expectation struct {
	File  string
	Line  int
	Check string
}

func runFixture(t *testing.T, c *analyzer.Check, dir string) {
	t.Helper()
	ctx := context.Background()
	proj, err := analyzer.Load(ctx, []string{dir}, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := proj.Run(ctx, []*analyzer.Check{c}, analyzer.RunOptions{Now: fixtureDate})
	for _, d := range res.Diagnostics {
		if d.Severity == hcl.DiagError {
			t.Errorf("diagnostic: %s", d.Error())
		} else {
			t.Logf("warning: %s", d.Error())
		}
	}
	var got []expectation
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			continue
		}
		got = append(got, expectation{f.Range.Filename, f.Range.Start.Line, f.CheckID})
	}
	want := readExpectations(t, dir)
	if strings.HasPrefix(filepath.Base(dir), "good") && len(want) > 0 {
		t.Errorf("a good case must not expect findings")
	}
	if strings.HasPrefix(filepath.Base(dir), "bad") && len(want) == 0 {
		t.Errorf("a bad case must expect at least one finding")
	}
	sortExp(got)
	sortExp(want)
	if diff := cmp.Diff(want, got); diff != "" {
		msgs := make([]string, 0, len(res.Findings))
		for _, f := range res.Findings {
			msgs = append(msgs, fmt.Sprintf("  %s:%d %s %s: %s", f.Range.Filename, f.Range.Start.Line, f.CheckID, f.Resource, f.Message))
		}
		t.Errorf("findings differ (-want +got):\n%s\nall findings:\n%s", diff, strings.Join(msgs, "\n"))
	}
}

func sortExp(es []expectation) {
	sort.Slice(es, func(i, j int) bool {
		if es[i].File != es[j].File {
			return es[i].File < es[j].File
		}
		if es[i].Line != es[j].Line {
			return es[i].Line < es[j].Line
		}
		return es[i].Check < es[j].Check
	})
}

// readExpectations collects `want` comments from every .tf file under dir,
// read with the HCL lexer so that a "want" inside a string is never taken
// for one, and `LINE ID` lines from a <file>.want beside a file that cannot
// carry the comment (.tf.json, or a finding inside a heredoc).
func readExpectations(t *testing.T, dir string) []expectation {
	t.Helper()
	cwd, _ := os.Getwd()
	var out []expectation
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		abs, _ := filepath.Abs(path)
		rel, _ := filepath.Rel(cwd, abs)
		name := filepath.ToSlash(rel)
		switch {
		case strings.HasSuffix(path, ".tf"):
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			toks, _ := hclsyntax.LexConfig(src, name, hcl.InitialPos)
			for _, tok := range toks {
				if tok.Type != hclsyntax.TokenComment {
					continue
				}
				m := wantRE.FindStringSubmatch(string(tok.Bytes))
				if m == nil {
					continue
				}
				for _, q := range quotedRE.FindAllStringSubmatch(m[1], -1) {
					out = append(out, expectation{name, tok.Range.Start.Line, q[1]})
				}
			}
		case strings.HasSuffix(path, ".want"):
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			target := strings.TrimSuffix(name, ".want")
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				fields := strings.Fields(sc.Text())
				if len(fields) != 2 {
					continue
				}
				line, err := strconv.Atoi(fields[0])
				if err != nil {
					t.Fatalf("%s: bad line %q", path, sc.Text())
				}
				out = append(out, expectation{target, line, strings.Trim(fields[1], `"`)})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
