package analyzer

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Ignore is one `# onus:ignore:<id>` directive found in a comment.
type Ignore struct {
	IDs     []string
	Reason  string
	Expires time.Time // zero when the ignore never expires
	// Line is the line the comment is on; AppliesTo the line it covers.
	Line      int
	AppliesTo int
	Range     hcl.Range
}

var ignoreRE = regexp.MustCompile(`onus:ignore:([A-Za-z0-9_*,\-]+)(.*)`)
var expRE = regexp.MustCompile(`\bexp:(\S+)`)
var reasonRE = regexp.MustCompile(`\breason=(.*?)(?:\s+exp:\S+)?\s*$`)

// ParseIgnore reads an ignore directive from the text of one comment. ok is
// false when the comment holds none; err reports a malformed expiry date.
func ParseIgnore(comment string) (ig Ignore, ok bool, err error) {
	text := strings.TrimSpace(comment)
	text = strings.TrimPrefix(text, "#")
	text = strings.TrimPrefix(text, "//")
	text = strings.TrimPrefix(text, "/*")
	text = strings.TrimSuffix(text, "*/")
	m := ignoreRE.FindStringSubmatch(text)
	if m == nil {
		return Ignore{}, false, nil
	}
	for _, id := range strings.Split(m[1], ",") {
		if id = strings.TrimSpace(id); id != "" {
			ig.IDs = append(ig.IDs, id)
		}
	}
	rest := m[2]
	if em := expRE.FindStringSubmatch(rest); em != nil {
		t, perr := time.Parse("2006-01-02", em[1])
		if perr != nil {
			err = fmt.Errorf("ignore expiry %q is not a date of the form YYYY-MM-DD", em[1])
		} else {
			ig.Expires = t
		}
	}
	if rm := reasonRE.FindStringSubmatch(rest); rm != nil {
		ig.Reason = strings.Trim(strings.TrimSpace(rm[1]), `"'`)
	}
	return ig, len(ig.IDs) > 0, err
}

// fileIgnores lexes a native-syntax file and returns its ignore directives.
// A comment alone on its line covers the next line that is not a comment; a
// trailing comment covers its own line.
func fileIgnores(f *File) ([]Ignore, hcl.Diagnostics) {
	if f == nil || f.JSON {
		return nil, nil
	}
	// Most files hold no ignore at all; lexing them would be wasted.
	if !bytes.Contains(f.Bytes, []byte("onus:ignore")) {
		return nil, nil
	}
	toks, _ := hclsyntax.LexConfig(f.Bytes, f.Name, hcl.InitialPos)
	lineHasCode := map[int]bool{}
	var comments []hclsyntax.Token
	for _, t := range toks {
		switch t.Type {
		case hclsyntax.TokenComment:
			comments = append(comments, t)
		case hclsyntax.TokenNewline, hclsyntax.TokenEOF:
		default:
			for l := t.Range.Start.Line; l <= t.Range.End.Line; l++ {
				lineHasCode[l] = true
			}
		}
	}
	commentLines := map[int]bool{}
	for _, c := range comments {
		commentLines[c.Range.Start.Line] = true
	}
	var out []Ignore
	var diags hcl.Diagnostics
	for _, c := range comments {
		ig, ok, err := ParseIgnore(string(c.Bytes))
		if !ok {
			continue
		}
		rng := c.Range
		if err != nil {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Malformed ignore", Detail: err.Error(), Subject: &rng})
		}
		ig.Line, ig.Range = c.Range.Start.Line, rng
		if lineHasCode[ig.Line] {
			ig.AppliesTo = ig.Line
		} else {
			next := ig.Line + 1
			for commentLines[next] && !lineHasCode[next] {
				next++
			}
			ig.AppliesTo = next
		}
		out = append(out, ig)
	}
	return out, diags
}

// applyIgnores marks findings silenced by inline ignores. An ignore counts on
// the finding's own line, on the line above it, or on the line above the
// resource header. Expired ignores stop suppressing and say so.
func (p *Project) applyIgnores(fs []Finding, now time.Time, diags *hcl.Diagnostics) []Finding {
	cache := map[string][]Ignore{}
	ignoresOf := func(name string) []Ignore {
		if igs, ok := cache[name]; ok {
			return igs
		}
		p.mu.Lock()
		f := p.files[name]
		p.mu.Unlock()
		igs, ds := fileIgnores(f)
		*diags = append(*diags, ds...)
		cache[name] = igs
		return igs
	}
	today := now.UTC().Truncate(24 * time.Hour)
	reportedExpired := map[hcl.Pos]bool{}
	for i := range fs {
		f := &fs[i]
		lines := []struct {
			file string
			line int
		}{{f.Range.Filename, f.Range.Start.Line}, {f.resourceRange.Filename, f.resourceRange.Start.Line}}
		for _, at := range lines {
			if f.Suppressed != nil || at.file == "" {
				continue
			}
			for _, ig := range ignoresOf(at.file) {
				if ig.AppliesTo != at.line || !ig.covers(f.CheckID) {
					continue
				}
				if !ig.Expires.IsZero() && ig.Expires.Before(today) {
					if !reportedExpired[ig.Range.Start] {
						reportedExpired[ig.Range.Start] = true
						rng := ig.Range
						*diags = append(*diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Expired ignore",
							Detail: fmt.Sprintf("this ignore of %s expired on %s and no longer suppresses", strings.Join(ig.IDs, ","), ig.Expires.Format("2006-01-02")), Subject: &rng})
					}
					continue
				}
				s := &Suppression{Kind: "inline", Reason: ig.Reason}
				if !ig.Expires.IsZero() {
					s.Expires = ig.Expires.Format("2006-01-02")
				}
				f.Suppressed = s
				break
			}
		}
	}
	return fs
}

func (ig Ignore) covers(id string) bool {
	for _, x := range ig.IDs {
		if x == id || x == "*" {
			return true
		}
	}
	return false
}
