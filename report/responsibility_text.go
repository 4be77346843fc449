package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/onus-sec/onus/analyzer"
)

// ResponsibilityText prints the responsibility map for a person at a
// terminal: one table per resource, a side and a status column, then the
// totals. Colour marks the status, on a terminal only.
type ResponsibilityText struct {
	// Color adds ANSI colours; the caller decides (terminal, no NO_COLOR).
	Color bool
}

const ansiRespGreen = "\x1b[32m"

// WriteResponsibility prints r.
func (p *ResponsibilityText) WriteResponsibility(w io.Writer, r *Responsibility) error {
	var b bytes.Buffer
	idWidth, sideWidth, statusWidth := len("CONTROL"), len("SIDE"), len("STATUS")
	for _, res := range r.Resources {
		for _, c := range res.Controls {
			idWidth = max(idWidth, utf8.RuneCountInString(c.ID))
			sideWidth = max(sideWidth, len(c.Side))
			statusWidth = max(statusWidth, len(c.Status))
		}
	}
	for _, res := range r.Resources {
		fmt.Fprintf(&b, "%s  %s  %s\n", p.style(ansiBold, res.Address), res.Type, p.style(ansiDim, position(res.Location)))
		fmt.Fprintf(&b, "  %s  %s  %s  %s\n",
			p.style(ansiDim, respPad("SIDE", sideWidth)), p.style(ansiDim, respPad("STATUS", statusWidth)),
			p.style(ansiDim, respPad("CONTROL", idWidth)), p.style(ansiDim, "DETAIL"))
		for _, c := range res.Controls {
			line := fmt.Sprintf("  %s  %s  %s  %s",
				respPad(string(c.Side), sideWidth), p.style(respStatusStyle(c.Status), respPad(string(c.Status), statusWidth)),
				respPad(c.ID, idWidth), respOneLine(respDetail(c)))
			b.WriteString(strings.TrimRight(line, " "))
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	p.summary(&b, r)
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing responsibility map: %w", err)
	}
	return nil
}

// summary prints the totals by side and status.
func (p *ResponsibilityText) summary(b *bytes.Buffer, r *Responsibility) {
	total := 0
	for _, res := range r.Resources {
		total += len(res.Controls)
	}
	fmt.Fprintf(b, "%s\n", p.style(ansiBold, fmt.Sprintf("%s, %s", plural(len(r.Resources), "resource"), plural(total, "control"))))
	sum := r.Summary()
	for _, s := range r.Sides {
		var parts []string
		if s == analyzer.AWS {
			parts = append(parts, fmt.Sprintf("%d info", sum[s][analyzer.StatusInfo]))
		} else {
			for _, st := range respCheckStatuses {
				n := sum[s][st]
				text := fmt.Sprintf("%d %s", n, st)
				if n > 0 {
					text = p.style(respStatusStyle(st), text)
				}
				parts = append(parts, text)
			}
		}
		fmt.Fprintf(b, "  %s %s\n", respPad(string(s)+":", len("customer:")), strings.Join(parts, ", "))
	}
}

// respDetail is what the detail column says: the finding, or the unknown
// values, or AWS's statement under its title; nothing for a pass, since a
// check's title names the problem it looks for.
func respDetail(c ControlStatus) string {
	if c.Status == analyzer.StatusInfo && c.Title != "" {
		return c.Title + ": " + c.Detail
	}
	return c.Detail
}

func (p *ResponsibilityText) style(code, s string) string {
	if !p.Color || s == "" {
		return s
	}
	return code + s + ansiReset
}

// respStatusStyle colours a status: red for what fails, yellow for what cannot
// be told yet, green for what passes, dim for what is silenced or AWS's.
func respStatusStyle(s analyzer.Status) string {
	switch s {
	case analyzer.StatusFail:
		return ansiBoldRd
	case analyzer.StatusUnknown:
		return ansiYellow
	case analyzer.StatusPass:
		return ansiRespGreen
	case analyzer.StatusInfo:
		return ansiCyan
	}
	return ansiDim
}

// pad fills s with spaces to width characters.
func respPad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// respOneLine folds a text onto one line.
func respOneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
