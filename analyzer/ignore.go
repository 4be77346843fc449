package analyzer

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
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
	ignoresOf := p.ignoreCache(diags)
	today := day(now)
	reportedExpired := map[hcl.Pos]bool{}
	for i := range fs {
		f := &fs[i]
		for _, at := range f.ignoreLines() {
			if f.Suppressed != nil {
				break
			}
			for _, ig := range ignoresOf(at.file) {
				if ig.AppliesTo != at.line || !ig.covers(f.CheckID) {
					continue
				}
				if ig.expired(today) {
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

// ignoreCache returns a function that reads the ignores of a file once,
// adding the problems found in them to diags on first read. A nil diags
// discards them (they were reported when the ignores were applied).
func (p *Project) ignoreCache(diags *hcl.Diagnostics) func(name string) []Ignore {
	cache := map[string][]Ignore{}
	return func(name string) []Ignore {
		if igs, ok := cache[name]; ok {
			return igs
		}
		p.mu.Lock()
		f := p.files[name]
		p.mu.Unlock()
		igs, ds := fileIgnores(f)
		if diags != nil {
			*diags = append(*diags, ds...)
		}
		cache[name] = igs
		return igs
	}
}

// ignoreLine is a line an ignore may stand on to cover a finding.
type ignoreLine struct {
	file string
	line int
}

// ignoreLines lists where an ignore covering f may stand: the line f starts
// on, then the header of its resource.
func (f *Finding) ignoreLines() []ignoreLine {
	var out []ignoreLine
	for _, at := range []ignoreLine{{f.Range.Filename, f.Range.Start.Line}, {f.resourceRange.Filename, f.resourceRange.Start.Line}} {
		if at.file != "" {
			out = append(out, at)
		}
	}
	return out
}

// day truncates t to its date in UTC, the granularity of expiry dates.
func day(t time.Time) time.Time { return t.UTC().Truncate(24 * time.Hour) }

// expired reports whether the ignore lapsed before today.
func (ig Ignore) expired(today time.Time) bool {
	return !ig.Expires.IsZero() && ig.Expires.Before(today)
}

func (ig Ignore) covers(id string) bool {
	for _, x := range ig.IDs {
		if x == id || x == "*" {
			return true
		}
	}
	return false
}

// IgnoreAudit describes a run for AuditIgnores: which checks ran, which
// exist, and whether problems with ignores are errors.
type IgnoreAudit struct {
	// Ran are the checks that ran. An ignore naming a check that did not
	// run (--checks, --skip, --side or the configuration turned it off)
	// is never called unused: it may well be needed when the check runs.
	Ran []*Check
	// Known lists every check ID of the catalogue; an ignore naming
	// anything else is reported.
	Known []string
	// Now is the scan date; expired ignores are reported when they are
	// applied, not again here.
	Now time.Time
	// Strict makes the problems errors (exit status 2) instead of
	// warnings.
	Strict bool
}

// AuditIgnores reports, the staticcheck way, the inline ignores that do
// nothing: those naming an ID that is no check, and those whose check ran
// but produced no finding on the lines they cover. res must be the result
// of p.Run. In pre-commit mode only the named files are audited, and
// installed registry modules (under .terraform/) never are: their ignores
// are not the user's to fix.
func (p *Project) AuditIgnores(res *Result, a IgnoreAudit) hcl.Diagnostics {
	sev := hcl.DiagWarning
	if a.Strict {
		sev = hcl.DiagError
	}
	known := make(map[string]bool, len(a.Known))
	for _, id := range a.Known {
		known[id] = true
	}
	ran := make(map[string]bool, len(a.Ran))
	for _, c := range a.Ran {
		ran[c.ID] = true
	}
	allRan := true
	for _, id := range a.Known {
		allRan = allRan && ran[id]
	}
	today := day(a.Now)
	ignoresOf := p.ignoreCache(nil)

	// used[file][comment line][id] is set when the ignore on that line
	// covers a finding of that check (or of any check, for "*").
	type key struct {
		file string
		line int
		id   string
	}
	used := map[key]bool{}
	for i := range res.Findings {
		f := &res.Findings[i]
		for _, at := range f.ignoreLines() {
			for _, ig := range ignoresOf(at.file) {
				if ig.AppliesTo != at.line || ig.expired(today) {
					continue
				}
				for _, id := range ig.IDs {
					if id == f.CheckID || id == "*" {
						used[key{at.file, ig.Line, id}] = true
					}
				}
			}
		}
	}

	var diags hcl.Diagnostics
	for _, name := range p.auditedFiles() {
		for _, ig := range ignoresOf(name) {
			if ig.expired(today) {
				continue // already reported as expired
			}
			for _, id := range ig.IDs {
				var detail string
				switch {
				case id != "*" && !known[id]:
					detail = fmt.Sprintf("%q is not a check ID, so this ignore suppresses nothing", id)
					if near := nearestID(id, a.Known); near != "" {
						detail += fmt.Sprintf("; did you mean %q?", near)
					}
				case used[key{name, ig.Line, id}]:
					continue
				case id == "*" && allRan, id != "*" && ran[id]:
					detail = fmt.Sprintf("this ignore of %s matches no finding on line %d: remove it, or move it to the line of the finding or the line above its resource", id, ig.AppliesTo)
				default:
					continue // its check did not run
				}
				rng := ig.Range
				summary := "Unused ignore"
				if id != "*" && !known[id] {
					summary = "Unknown check in ignore"
				}
				diags = append(diags, &hcl.Diagnostic{Severity: sev, Summary: summary, Detail: detail, Subject: &rng})
			}
		}
	}
	return diags
}

// auditedFiles lists, sorted, the native-syntax files whose ignores are
// the user's: the named files in pre-commit mode, else every file read,
// except installed modules.
func (p *Project) auditedFiles() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for name, f := range p.files {
		if f.JSON || (p.targets != nil && !p.targets[name]) {
			continue
		}
		if strings.HasPrefix(name, ".terraform/") || strings.Contains(name, "/.terraform/") {
			continue
		}
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// nearestID returns the known ID closest to id by edit distance when it is
// close enough to be a typo (at most a third of its length), else "".
func nearestID(id string, known []string) string {
	best, bestDist := "", len(id)/3+1
	for _, k := range known {
		if d := editDistance(id, k); d < bestDist || (d == bestDist && best != "" && k < best) {
			best, bestDist = k, d
		}
	}
	return best
}
