package report

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/onus-sec/onus/analyzer"
)

// Text prints findings for a person at a terminal: where, what and whose
// side, the offending source line underlined, the message, then the errors
// found in the input and a summary. Suppressed findings are counted, not
// shown.
type Text struct {
	// Color adds ANSI colours.
	Color bool
	// Quiet prints findings and errors only: no warnings, no summary.
	Quiet bool
}

// ANSI styles. Severity colours follow the usual convention of linters:
// red for what must be fixed now, yellow for what should be, cyan for advice.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiBoldRd = "\x1b[1;31m"
)

// Write prints res.
func (p *Text) Write(w io.Writer, res *analyzer.Result) error {
	var b bytes.Buffer
	gutter := p.gutterWidth(res)
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.Suppressed != nil {
			continue
		}
		p.finding(&b, f, gutter)
		b.WriteByte('\n')
	}
	for _, d := range sortedDiagnostics(res.Diagnostics, hcl.DiagError) {
		p.diagnostic(&b, d, "error", ansiBoldRd)
	}
	if !p.Quiet {
		for _, d := range sortedDiagnostics(res.Diagnostics, hcl.DiagWarning) {
			p.diagnostic(&b, d, "warning", ansiYellow)
		}
		p.summary(&b, summarize(res))
		p.controlSummary(&b, res)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing text report: %w", err)
	}
	return nil
}

// gutterWidth is the width of the widest line number shown, so that every
// snippet's bar lines up.
func (p *Text) gutterWidth(res *analyzer.Result) int {
	width := 1
	for i := range res.Findings {
		if n := len(strconv.Itoa(res.Findings[i].Range.Start.Line)); n > width {
			width = n
		}
	}
	return width
}

func (p *Text) finding(b *bytes.Buffer, f *analyzer.Finding, gutter int) {
	sevStyle := severityStyle(f.Severity)
	fmt.Fprintf(b, "%s: %s %s %s %s\n",
		p.style(ansiBold, position(f.Range)),
		p.style(sevStyle, strings.ToUpper(f.Severity.String())),
		p.style(ansiBold, f.CheckID),
		p.style(ansiDim, "["+string(f.Side)+"]"),
		f.Resource)
	pad := strings.Repeat(" ", gutter)
	bar := p.style(ansiDim, "|")
	if line := strings.TrimRight(f.Snippet, "\r\n"); line != "" {
		num := fmt.Sprintf("%*d", gutter, f.Range.Start.Line)
		fmt.Fprintf(b, "  %s %s %s\n", p.style(ansiDim, num), bar, line)
		if indent, width := underline(line, f.Range); width > 0 {
			fmt.Fprintf(b, "  %s %s %s%s\n", pad, bar, indent, p.style(sevStyle, strings.Repeat("^", width)))
		}
	}
	fmt.Fprintf(b, "  %s   %s\n", pad, f.Message)
}

func (p *Text) diagnostic(b *bytes.Buffer, d *hcl.Diagnostic, label, style string) {
	if d.Subject != nil {
		fmt.Fprintf(b, "%s: ", p.style(ansiBold, position(*d.Subject)))
	}
	fmt.Fprintf(b, "%s: %s\n", p.style(style, label), diagnosticMessage(d))
}

func (p *Text) summary(b *bytes.Buffer, c counts) {
	if b.Len() > 0 && !bytes.HasSuffix(b.Bytes(), []byte("\n\n")) {
		b.WriteByte('\n')
	}
	head := "No findings"
	if c.live > 0 {
		head = plural(c.live, "finding")
	}
	if c.suppressed > 0 {
		head += fmt.Sprintf(" (%d suppressed)", c.suppressed)
	}
	fmt.Fprintf(b, "%s in %s across %s", p.style(ansiBold, head), plural(c.resources, "resource"), plural(c.files, "file"))
	if c.errors > 0 {
		fmt.Fprintf(b, "; %s", p.style(ansiBoldRd, plural(c.errors, "error")))
	}
	b.WriteByte('\n')
	if c.live == 0 {
		return
	}
	fmt.Fprintf(b, "  by side:     customer %d, shared %d\n", c.bySide[analyzer.Customer], c.bySide[analyzer.Shared])
	parts := make([]string, 0, 4)
	for _, s := range analyzer.Severities() {
		parts = append(parts, fmt.Sprintf("%s %d", s, c.bySeverity[s]))
	}
	fmt.Fprintf(b, "  by severity: %s\n", strings.Join(parts, ", "))
}

// controlSummary adds one line on the controls behind the findings: how
// many passed and how many could not be decided before apply, which
// `onus responsibility` lists one by one. A result with no controls (no
// check applied to anything) adds nothing.
func (p *Text) controlSummary(b *bytes.Buffer, res *analyzer.Result) {
	passed, unknown, total := 0, 0, 0
	for _, c := range res.Controls() {
		total++
		switch c.Status {
		case analyzer.StatusPass:
			passed++
		case analyzer.StatusUnknown:
			unknown++
		}
	}
	if total == 0 {
		return
	}
	fmt.Fprintf(b, "  controls:    %d passed, %d unknown until apply (onus responsibility lists them)\n", passed, unknown)
}

func (p *Text) style(code, s string) string {
	if !p.Color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func severityStyle(s analyzer.Severity) string {
	switch s {
	case analyzer.Critical:
		return ansiBoldRd
	case analyzer.High:
		return ansiRed
	case analyzer.Medium:
		return ansiYellow
	default:
		return ansiCyan
	}
}

// position formats a range start as file:line:col, the form terminals and
// editors turn into links; a range with no line (a file that could not be
// read at all) is just the file.
func position(r hcl.Range) string {
	if r.Start.Line <= 0 {
		return filepath.ToSlash(r.Filename)
	}
	return fmt.Sprintf("%s:%d:%d", filepath.ToSlash(r.Filename), r.Start.Line, r.Start.Column)
}

// underline returns the indentation and the number of carets that mark rng
// on line, the source line rng starts on. Columns count characters from 1
// and the end column is exclusive; a range that runs past the line is marked
// to the line's last non-blank character. Tabs in the indentation are kept
// so that the carets line up under the text whatever the tab width.
func underline(line string, rng hcl.Range) (indent string, width int) {
	runes := []rune(line)
	start := rng.Start.Column - 1
	if start < 0 {
		start = 0
	}
	if start > len(runes) {
		return "", 0
	}
	end := len([]rune(strings.TrimRight(line, " \t")))
	if rng.End.Line == rng.Start.Line && rng.End.Column-1 < end {
		end = rng.End.Column - 1
	}
	width = end - start
	if width < 1 {
		width = 1
	}
	var ind strings.Builder
	for _, r := range runes[:start] {
		if r == '\t' {
			ind.WriteRune('\t')
		} else {
			ind.WriteRune(' ')
		}
	}
	return ind.String(), width
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
