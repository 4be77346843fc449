package checks

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/onus-sec/onus/analyzer"
)

// literalRE finds the string literals of a source line.
var literalRE = regexp.MustCompile(`"([^"\\]{6,})"`)

// TestSecretMessagesMasked runs the secret checks over their bad fixtures
// and makes sure no message repeats a string literal written on the line it
// points at, and that the source line printed under a finding shows the
// secret masked: a secret appears masked (first characters, then ****) or
// not at all.
func TestSecretMessagesMasked(t *testing.T) {
	for _, id := range []string{"hardcoded-aws-credentials", "lambda-env-secrets", "db-password-literal"} {
		c := ByID(id)
		root := filepath.Join("..", "testdata", "checks", id)
		cases, err := os.ReadDir(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, cs := range cases {
			if !cs.IsDir() || !strings.HasPrefix(cs.Name(), "bad") {
				continue
			}
			ctx := context.Background()
			proj, err := analyzer.Load(ctx, []string{filepath.Join(root, cs.Name())}, analyzer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			res := proj.Run(ctx, []*analyzer.Check{c}, analyzer.RunOptions{Now: fixtureDate})
			if len(res.Findings) == 0 {
				t.Errorf("%s/%s: no findings", id, cs.Name())
			}
			for _, f := range res.Findings {
				if !strings.Contains(f.Message, "****") {
					t.Errorf("%s/%s: message shows no masked value: %s", id, cs.Name(), f.Message)
				}
				raw := sourceLine(t, f.Range)
				for _, loc := range literalRE.FindAllStringSubmatchIndex(raw, -1) {
					if strings.HasPrefix(strings.TrimSpace(raw[loc[1]:]), ":") {
						continue // a .tf.json property name, not a value
					}
					lit := raw[loc[2]:loc[3]]
					if strings.Contains(f.Message, lit) {
						t.Errorf("%s/%s:%d: message repeats %q: %s", id, cs.Name(), f.Range.Start.Line, lit, f.Message)
					}
					if strings.Contains(f.Message, analyzer.MaskSecret(lit)) && strings.Contains(f.Snippet, lit) {
						t.Errorf("%s/%s:%d: snippet shows the secret: %s", id, cs.Name(), f.Range.Start.Line, f.Snippet)
					}
				}
			}
		}
	}
}

// sourceLine reads the line a range starts on from its file.
func sourceLine(t *testing.T, rng hcl.Range) string {
	t.Helper()
	data, err := os.ReadFile(rng.Filename)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if rng.Start.Line < 1 || rng.Start.Line > len(lines) {
		return ""
	}
	return lines[rng.Start.Line-1]
}
