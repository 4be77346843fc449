// Command gen writes the generated documentation of the check catalogue:
// internal/checkdocs/entries_gen.go (what `onus explain` prints beyond the
// metadata) and docs/checks.md. Run it through go generate:
//
//	go generate ./internal/checkdocs
//
// The text comes from three places, so that nothing is written twice: the
// metadata of each check (checks.All()), the doc comment of the check's
// variable in checks/*.go (why it matters, with the AWS facts and their
// dates), and the check's fixtures under testdata/checks/<id>/ (a bad and a
// good example that the fixture tests prove right).
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/onus-sec/onus/analyzer"
	"github.com/onus-sec/onus/checks"
	"github.com/onus-sec/onus/report"
)

// Output files, relative to the repository root.
const (
	entriesFile = "internal/checkdocs/entries_gen.go"
	docsFile    = "docs/checks.md"
)

func main() {
	root := flag.String("root", ".", "repository root")
	flag.Parse()
	files, err := generate(*root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for _, name := range sortedNames(files) {
		path := filepath.Join(*root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}

// generate returns the content of every generated file by its slash path
// relative to root.
func generate(root string) (map[string][]byte, error) {
	all := checks.All()
	whys, err := docComments(filepath.Join(root, "checks"))
	if err != nil {
		return nil, err
	}
	docs := make(map[string]report.CheckDoc, len(all))
	for _, c := range all {
		d := report.CheckDoc{Why: whys[c.ID]}
		dir := filepath.Join(root, "testdata", "checks", c.ID)
		if d.BadFrom, d.Bad, err = pickExample(dir, "bad", c.ID); err != nil {
			return nil, err
		}
		if d.GoodFrom, d.Good, err = pickExample(dir, "good", c.ID); err != nil {
			return nil, err
		}
		docs[c.ID] = d
	}
	entries, err := entriesSource(all, docs)
	if err != nil {
		return nil, err
	}
	md, err := docsMarkdown(all, docs)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{entriesFile: entries, docsFile: md}, nil
}

func sortedNames(m map[string][]byte) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// docComments reads the doc comment of every `var X = &analyzer.Check{ID:
// "..."}` in the Go files of dir, by check ID. The variable's name, which
// starts the comment by Go convention, becomes "This check".
func docComments(dir string) (map[string]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return nil, fmt.Errorf("reading check docs: %w", err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok || len(vs.Names) != 1 || len(vs.Values) != 1 {
					continue
				}
				id := checkLiteralID(vs.Values[0])
				if id == "" {
					continue
				}
				doc := vs.Doc
				if doc == nil && len(gd.Specs) == 1 {
					doc = gd.Doc
				}
				if doc == nil {
					continue
				}
				text := doc.Text()
				if name := vs.Names[0].Name; strings.HasPrefix(text, name+" ") {
					text = "This check " + strings.TrimPrefix(text, name+" ")
				}
				out[id] = strings.TrimSpace(text) + "\n"
			}
		}
	}
	return out, nil
}

// checkLiteralID returns the ID of a `&analyzer.Check{ID: "..."}`
// expression, or "".
func checkLiteralID(e ast.Expr) string {
	u, ok := e.(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return ""
	}
	cl, ok := u.X.(*ast.CompositeLit)
	if !ok {
		return ""
	}
	sel, ok := cl.Type.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Check" {
		return ""
	}
	for _, elt := range cl.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "ID" {
			if lit, ok := kv.Value.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, err := strconv.Unquote(lit.Value)
				if err == nil {
					return s
				}
			}
		}
	}
	return ""
}

// wantCommentRE matches a fixture expectation comment at the end of a line.
var wantCommentRE = regexp.MustCompile(`#\s*want((?:\s+"[^"]+")+)\s*$`)

// pickExample chooses the example of one kind ("bad" or "good") among the
// fixture cases of a check and returns its name (testdata/checks/<id>/<case>)
// and text.
//
// Only cases that stand alone as one directory of .tf and .tfvars files are
// candidates: a case with a child module, a lock file or a .tf.json file
// would lose what makes it bad or good when shown as one listing. A case
// named <kind>_example is taken when there is one; otherwise, preferring
// cases not about unknown values, the shortest, so that the example shows
// the point and little else (see betterExample). Expectation
// comments become `# <- <check-id>` markers, which read as "this is the line
// onus reports".
func pickExample(dir, kind, id string) (from, text string, err error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("reading fixtures: %w", err)
	}
	type candidate struct {
		name  string
		text  string
		lines int
	}
	var best *candidate
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), kind) {
			continue
		}
		text, ok, err := caseText(filepath.Join(dir, e.Name()), id)
		if err != nil {
			return "", "", err
		}
		if !ok {
			continue
		}
		c := &candidate{name: e.Name(), text: text, lines: strings.Count(text, "\n")}
		if best == nil || betterExample(c.name, c.lines, best.name, best.lines) {
			best = c
		}
	}
	if best == nil {
		return "", "", nil
	}
	return "testdata/checks/" + filepath.Base(dir) + "/" + best.name, best.text, nil
}

// betterExample reports whether case a (with la lines) makes a better
// example than case b: a case named *_example first, then one not about
// unknown values (it shows what onus cannot judge, not a fix), then the
// shorter one.
func betterExample(a string, la int, b string, lb int) bool {
	if ea, eb := strings.HasSuffix(a, "_example"), strings.HasSuffix(b, "_example"); ea != eb {
		return ea
	}
	if ua, ub := strings.Contains(a, "unknown"), strings.Contains(b, "unknown"); ua != ub {
		return !ua
	}
	return la < lb
}

// caseText returns the listing of one fixture case, or ok = false when the
// case does not stand alone (see pickExample).
func caseText(dir, id string) (text string, ok bool, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", false, fmt.Errorf("reading fixture: %w", err)
	}
	var names []string
	for _, e := range entries {
		switch {
		case e.IsDir():
			return "", false, nil
		case strings.HasSuffix(e.Name(), ".tf"), strings.HasSuffix(e.Name(), ".tfvars"):
			names = append(names, e.Name())
		default:
			return "", false, nil
		}
	}
	if len(names) == 0 {
		return "", false, nil
	}
	// .tf files first, then the .tfvars that set their variables.
	sort.SliceStable(names, func(i, j int) bool {
		ti, tj := strings.HasSuffix(names[i], ".tfvars"), strings.HasSuffix(names[j], ".tfvars")
		if ti != tj {
			return !ti
		}
		return names[i] < names[j]
	})
	var b strings.Builder
	for i, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return "", false, fmt.Errorf("reading fixture: %w", err)
		}
		if len(names) > 1 {
			if i > 0 {
				b.WriteByte('\n')
			}
			fmt.Fprintf(&b, "# %s\n", name)
		}
		for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
			if loc := wantCommentRE.FindStringIndex(line); loc != nil {
				line = line[:loc[0]] + "# <- " + id
			}
			b.WriteString(strings.TrimRight(line, " \t"))
			b.WriteByte('\n')
		}
	}
	return b.String(), true, nil
}

// entriesSource renders internal/checkdocs/entries_gen.go.
func entriesSource(all []*analyzer.Check, docs map[string]report.CheckDoc) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by internal/checkdocs/gen; DO NOT EDIT.\n\n")
	b.WriteString("package checkdocs\n\n")
	b.WriteString("var entries = map[string]Entry{\n")
	for _, c := range all {
		d := docs[c.ID]
		fmt.Fprintf(&b, "\t%q: {\n", c.ID)
		fmt.Fprintf(&b, "\t\tWhy: %s,\n", strconv.Quote(d.Why))
		fmt.Fprintf(&b, "\t\tBad: %s,\n\t\tBadFrom: %q,\n", strconv.Quote(d.Bad), d.BadFrom)
		fmt.Fprintf(&b, "\t\tGood: %s,\n\t\tGoodFrom: %q,\n", strconv.Quote(d.Good), d.GoodFrom)
		b.WriteString("\t},\n")
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting %s: %w", entriesFile, err)
	}
	return src, nil
}

// docsMarkdown renders docs/checks.md: an index of every check, then one
// section per check whose heading is the check ID.
func docsMarkdown(all []*analyzer.Check, docs map[string]report.CheckDoc) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("<!-- Code generated by internal/checkdocs/gen; DO NOT EDIT. -->\n\n")
	b.WriteString("# onus checks\n\n")
	b.WriteString("Every check onus runs, generated from the checks' metadata, their doc comments and their\n")
	b.WriteString("test fixtures (`go generate ./internal/checkdocs`). `onus checks` lists them and\n")
	b.WriteString("`onus explain ID` prints one of them.\n\n")
	b.WriteString("Sides follow the AWS Shared Responsibility Model: **customer** checks are security *in*\n")
	b.WriteString("the cloud and wholly yours; **shared** checks are mechanisms AWS provides that you must\n")
	b.WriteString("turn on or keep current.\n\n")
	b.WriteString("| Check | Title | Severity | Side | Category |\n|---|---|---|---|---|\n")
	for _, c := range all {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s | %s |\n", c.ID, c.ID, strings.ReplaceAll(c.Title, "|", `\|`), c.Severity, c.Side, c.Category)
	}
	for _, c := range all {
		b.WriteString("\n")
		if err := report.WriteCheckMarkdown(&b, c, docs[c.ID]); err != nil {
			return nil, err
		}
	}
	return b.Bytes(), nil
}
