package analyzer

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// reparseMismatches parses every argument of every block of a native file
// again the way Attribute.Expr does and returns the names of those that do
// not come back as the same tree.
func reparseMismatches(t *testing.T, name string, src []byte) []string {
	t.Helper()
	f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		return nil
	}
	file := &File{Name: name, Bytes: src}
	var bad []string
	var walk func(b *hclsyntax.Body)
	walk = func(b *hclsyntax.Body) {
		for _, at := range b.Attributes {
			a := &Attribute{Name: at.Name, Range: at.SrcRange}
			a.setExpr(at.Expr, file)
			if _, lazy := a.expr.(*File); !lazy {
				bad = append(bad, at.Name+" (held, not located)")
				continue
			}
			if !reflect.DeepEqual(a.Expr(), at.Expr) {
				bad = append(bad, at.NameRange.String())
			}
		}
		for _, nb := range b.Blocks {
			walk(nb.Body)
		}
	}
	walk(f.Body.(*hclsyntax.Body))
	return bad
}

func TestExprParsedAgainIsTheSame(t *testing.T) {
	cases := map[string]string{
		"heredoc":            "a = <<EOF\nhello ${x}\nEOF\n",
		"indented heredoc":   "b = <<-EOT\r\n  x ${y}\r\n  EOT\r\n",
		"heredoc at end":     "c {\n  p = <<EOT\n{}\nEOT\n}\n",
		"call over lines":    "c = foo(1,\n 2)\n",
		"comment after":      "d = \"x\" # c\n",
		"for expression":     "e = [for x in y: x if x != \"\"]\n",
		"object":             "f = {\n  a = 1 # one\n  \"b\" = [2, 3]\n}\n",
		"parentheses":        "g = (a + b) * c\n",
		"splat and index":    "h = aws_s3_bucket.b[*].arn[0]\n",
		"conditional":        "i = var.x ? \"a\" : null\n",
		"template directive": "j = \"%{ for s in l }${s}%{ endfor }\"\n",
		"unicode":            "k = \"héllo ☃\"\n",
		"no final newline":   "l = jsonencode({ a = \"b\" })",
	}
	for name, src := range cases {
		if bad := reparseMismatches(t, "main.tf", []byte(src)); len(bad) > 0 {
			t.Errorf("%s: parsed again differently: %v", name, bad)
		}
	}
}

// TestExprParsedAgainOverFixtures checks every argument of every native
// file under the repository's testdata.
func TestExprParsedAgainOverFixtures(t *testing.T) {
	n := 0
	err := filepath.WalkDir(filepath.Join("..", "testdata"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".tf") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		if bad := reparseMismatches(t, path, src); len(bad) > 0 {
			t.Errorf("%s: parsed again differently: %v", path, bad)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("only %d fixture files found", n)
	}
}
