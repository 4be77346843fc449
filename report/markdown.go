package report

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/onus-sec/onus/analyzer"
)

// DefaultMarkdownRows bounds the findings table: a pull-request comment
// holds at most 65,536 characters, and a reviewer reads the first screen.
const DefaultMarkdownRows = 100

// Markdown prints a summary for a pull-request comment or a job summary:
// live findings counted by severity and side, a table of them, and for each
// check found a collapsible section with where AWS's part ends and the fix.
type Markdown struct {
	// MaxRows bounds the table; zero means DefaultMarkdownRows.
	MaxRows int
}

// Write prints res as GitHub-flavoured markdown.
func (p *Markdown) Write(w io.Writer, res *analyzer.Result) error {
	var b bytes.Buffer
	c := summarize(res)
	live := res.Live()
	head := "no findings"
	if c.live > 0 {
		head = plural(c.live, "finding")
	}
	fmt.Fprintf(&b, "## %s: %s\n\n", ToolName, head)
	fmt.Fprintf(&b, "Scanned %s across %s.", plural(c.resources, "resource"), plural(c.files, "file"))
	if c.suppressed > 0 {
		fmt.Fprintf(&b, " %s suppressed (inline ignores, configuration or baseline).", plural(c.suppressed, "finding"))
	}
	if c.errors > 0 {
		fmt.Fprintf(&b, " **%s in the input.**", plural(c.errors, "error"))
	}
	b.WriteString("\n\n")
	p.responsibilityTable(&b, res)
	if c.live > 0 {
		p.totals(&b, live)
		p.table(&b, live)
		p.details(&b, live)
	}
	p.errors(&b, res.Diagnostics)
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing markdown report: %w", err)
	}
	return nil
}

// totals prints live findings by severity (rows) and side (columns).
func (p *Markdown) totals(b *bytes.Buffer, live []analyzer.Finding) {
	type cell struct {
		sev  analyzer.Severity
		side analyzer.Side
	}
	n := map[cell]int{}
	for i := range live {
		n[cell{live[i].Severity, live[i].Side}]++
		n[cell{live[i].Severity, ""}]++
		n[cell{0, live[i].Side}]++
	}
	b.WriteString("| severity | customer | shared | total |\n|---|---:|---:|---:|\n")
	for _, s := range analyzer.Severities() {
		fmt.Fprintf(b, "| %s | %d | %d | %d |\n", s, n[cell{s, analyzer.Customer}], n[cell{s, analyzer.Shared}], n[cell{s, ""}])
	}
	fmt.Fprintf(b, "| **total** | **%d** | **%d** | **%d** |\n\n", n[cell{0, analyzer.Customer}], n[cell{0, analyzer.Shared}], len(live))
}

func (p *Markdown) table(b *bytes.Buffer, live []analyzer.Finding) {
	limit := p.MaxRows
	if limit <= 0 {
		limit = DefaultMarkdownRows
	}
	b.WriteString("| severity | check | resource | location | side |\n|---|---|---|---|---|\n")
	for i := range live {
		if i == limit {
			fmt.Fprintf(b, "\n%s more not shown; the full list is in the SARIF or JSON report.\n", plural(len(live)-limit, "finding"))
			break
		}
		f := &live[i]
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n",
			f.Severity, markdownCode(f.CheckID), markdownCode(f.Resource), markdownCode(position(f.Range)), f.Side)
	}
	b.WriteString("\n")
}

// details prints, once per check found, its boundary and fix in a
// collapsible section, most severe checks first.
func (p *Markdown) details(b *bytes.Buffer, live []analyzer.Finding) {
	seen := map[string]bool{}
	var list []*analyzer.Finding
	for i := range live {
		if !seen[live[i].CheckID] {
			seen[live[i].CheckID] = true
			list = append(list, &live[i])
		}
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].Severity != list[j].Severity {
			return list[i].Severity > list[j].Severity
		}
		return list[i].CheckID < list[j].CheckID
	})
	for _, f := range list {
		title, boundary, fix := checkText(f)
		if title == "" {
			title = f.CheckID
		}
		fmt.Fprintf(b, "<details>\n<summary><code>%s</code> (%s, %s side): %s</summary>\n\n",
			html.EscapeString(f.CheckID), f.Severity, f.Side, html.EscapeString(title))
		if boundary != "" {
			fmt.Fprintf(b, "**Where AWS's part ends:** %s\n\n", markdownText(boundary))
		}
		if fix != "" {
			fmt.Fprintf(b, "**Fix:** %s\n\n", markdownText(fix))
		}
		fmt.Fprintf(b, "[About this check](%s)\n\n</details>\n\n", CheckURL(f.CheckID))
	}
}

func (p *Markdown) errors(b *bytes.Buffer, diags hcl.Diagnostics) {
	errs := sortedDiagnostics(diags, hcl.DiagError)
	if len(errs) == 0 {
		return
	}
	b.WriteString("### Errors\n\nThese files could not be read; the rest was scanned.\n\n")
	for _, d := range errs {
		where := ""
		if d.Subject != nil && d.Subject.Filename != "" {
			where = markdownCode(position(*d.Subject)) + ": "
		}
		fmt.Fprintf(b, "- %s%s\n", where, markdownText(diagnosticMessage(d)))
	}
	b.WriteString("\n")
}

// markdownText escapes s for use as plain text in a table cell or a
// paragraph: the characters markdown gives meaning to, pipes (which end a
// table cell even inside code), angle brackets (HTML) and line breaks.
func markdownText(s string) string {
	var b strings.Builder
	for _, r := range strings.Join(strings.Fields(s), " ") {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '|', '#', '~':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// markdownCode renders s as inline code in a table cell. The fence is one
// backtick longer than the longest run of backticks in s, padded with
// spaces when s starts or ends with one, and pipes are escaped because
// GitHub splits table cells on them before it reads code spans.
func markdownCode(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	body := strings.ReplaceAll(s, "|", `\|`)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		body = " " + body + " "
	}
	return fence + body + fence
}
