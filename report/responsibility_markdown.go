package report

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// ResponsibilityMarkdown prints the responsibility map as GitHub-flavoured
// markdown, fit for a pull-request comment or a compliance record: the
// totals first, then one table per resource.
type ResponsibilityMarkdown struct{}

// WriteResponsibility prints r.
func (p *ResponsibilityMarkdown) WriteResponsibility(w io.Writer, r *Responsibility) error {
	var b bytes.Buffer
	b.WriteString("## Responsibility map\n\n")
	respSummaryTable(&b, r)
	for _, res := range r.Resources {
		fmt.Fprintf(&b, "\n### `%s`\n\n", respCode(res.Address))
		fmt.Fprintf(&b, "`%s` at `%s`\n\n", respCode(res.Type), respCode(respPosition(res)))
		b.WriteString("| Side | Status | Control | Detail |\n|---|---|---|---|\n")
		for _, c := range res.Controls {
			status := string(c.Status)
			if c.Status == analyzer.StatusFail {
				status = "**fail**"
			}
			fmt.Fprintf(&b, "| %s | %s | `%s` | %s |\n", c.Side, status, respCode(c.ID), respCell(respDetail(c)))
		}
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing markdown responsibility map: %w", err)
	}
	return nil
}

// respSummaryTable prints the totals as a table: one row per side
// shown, AWS's controls counted as info.
func respSummaryTable(b *bytes.Buffer, r *Responsibility) {
	fmt.Fprintf(b, "%s across %s.\n\n", plural(respCountControls(r), "control"), plural(len(r.Resources), "resource"))
	b.WriteString("| Side | Pass | Fail | Unknown | Suppressed | Info |\n|---|---:|---:|---:|---:|---:|\n")
	sum := r.Summary()
	for _, s := range r.Sides {
		c := sum[s]
		if s == analyzer.AWS {
			fmt.Fprintf(b, "| aws | | | | | %d |\n", c[analyzer.StatusInfo])
			continue
		}
		fmt.Fprintf(b, "| %s | %d | %d | %d | %d | |\n", s,
			c[analyzer.StatusPass], c[analyzer.StatusFail], c[analyzer.StatusUnknown], c[analyzer.StatusSuppressed])
	}
}

func respCountControls(r *Responsibility) int {
	n := 0
	for _, res := range r.Resources {
		n += len(res.Controls)
	}
	return n
}

// respPosition is file:line of a resource.
func respPosition(res ResourceControls) string {
	if res.Location.Start.Line <= 0 {
		return filepath.ToSlash(res.Location.Filename)
	}
	return fmt.Sprintf("%s:%d", filepath.ToSlash(res.Location.Filename), res.Location.Start.Line)
}

// respCell makes text safe inside a table cell: one line, pipes escaped, and
// characters markdown would read as markup escaped.
func respCell(s string) string {
	s = respOneLine(s)
	r := strings.NewReplacer(`\`, `\\`, "|", `\|`, "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "\\`")
	return r.Replace(s)
}

// respCode makes text safe inside a code span outside a table: backticks
// cannot be escaped there, so they are replaced. (Inside a table only check
// IDs go in code spans, and they hold no pipe.)
func respCode(s string) string {
	return strings.ReplaceAll(respOneLine(s), "`", "'")
}

// responsibilityTable prints, in the scan's markdown summary, the controls
// behind the findings by side and status: what passed, what failed (the live
// findings), what cannot be decided before apply and what is suppressed. The
// full map, with AWS's side of each resource, is `onus responsibility`. A
// result with no controls prints nothing.
func (p *Markdown) responsibilityTable(b *bytes.Buffer, res *analyzer.Result) {
	controls := res.Controls()
	if len(controls) == 0 {
		return
	}
	counts := map[analyzer.Side]SideCounts{analyzer.Customer: {}, analyzer.Shared: {}}
	for _, c := range controls {
		if c.Finding == nil && counts[c.Check.Side] != nil {
			counts[c.Check.Side][c.Status]++
		}
	}
	// Failed and suppressed controls are the findings, counted from the
	// findings so that the totals agree with the rest of the summary.
	for i := range res.Findings {
		f := &res.Findings[i]
		st := analyzer.StatusFail
		if f.Suppressed != nil {
			st = analyzer.StatusSuppressed
		}
		if counts[f.Side] != nil {
			counts[f.Side][st]++
		}
	}
	b.WriteString("| side | pass | fail | unknown | suppressed |\n|---|---:|---:|---:|---:|\n")
	for _, s := range []analyzer.Side{analyzer.Customer, analyzer.Shared} {
		c := counts[s]
		fmt.Fprintf(b, "| %s | %d | %d | %d | %d |\n", s,
			c[analyzer.StatusPass], c[analyzer.StatusFail], c[analyzer.StatusUnknown], c[analyzer.StatusSuppressed])
	}
	b.WriteString("\nUnknown: the deciding value is known only at apply. Every control, with what AWS secures for each resource: `onus responsibility --format markdown`.\n\n")
}
