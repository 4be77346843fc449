package report

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/onus-sec/onus/analyzer"
)

// GitHub prints live findings as GitHub Actions workflow commands, which
// the runner turns into annotations on the pull request's diff:
// critical and high findings are errors, medium ones warnings, low ones
// notices. Problems in the input are errors and warnings too. When
// StepSummary names a file, the markdown summary is appended to it, which
// is how a step writes its job summary.
type GitHub struct {
	// StepSummary is the file to append the markdown summary to, normally
	// $GITHUB_STEP_SUMMARY; empty for none.
	StepSummary string
}

// Write prints res as workflow commands.
func (p *GitHub) Write(w io.Writer, res *analyzer.Result) error {
	var b bytes.Buffer
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.Suppressed != nil {
			continue
		}
		title, _, _ := checkText(f)
		head := f.CheckID
		if title != "" {
			head += ": " + title
		}
		writeCommand(&b, githubLevel(f.Severity), f.Range, head, fmt.Sprintf("%s (%s side, %s)", f.Message, f.Side, f.Severity))
	}
	for _, sev := range []hcl.DiagnosticSeverity{hcl.DiagError, hcl.DiagWarning} {
		level := "error"
		if sev == hcl.DiagWarning {
			level = "warning"
		}
		for _, d := range sortedDiagnostics(res.Diagnostics, sev) {
			var rng hcl.Range
			if d.Subject != nil {
				rng = *d.Subject
			}
			writeCommand(&b, level, rng, "onus: "+strings.TrimSpace(d.Summary), diagnosticMessage(d))
		}
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing GitHub annotations: %w", err)
	}
	if p.StepSummary == "" {
		return nil
	}
	return p.appendSummary(res)
}

// appendSummary adds the markdown summary to the job summary file. The
// runner creates the file; appending keeps what earlier steps wrote.
func (p *GitHub) appendSummary(res *analyzer.Result) error {
	var b bytes.Buffer
	if err := (&Markdown{}).Write(&b, res); err != nil {
		return err
	}
	f, err := os.OpenFile(p.StepSummary, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("writing the job summary: %w", err)
	}
	if _, err := f.Write(b.Bytes()); err != nil {
		_ = f.Close()
		return fmt.Errorf("writing the job summary: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing the job summary: %w", err)
	}
	return nil
}

// writeCommand prints one ::level props::message line. Columns are given
// only when the range is on one line: an annotation's columns apply to its
// first line.
func writeCommand(b *bytes.Buffer, level string, rng hcl.Range, title, message string) {
	var props []string
	if rng.Filename != "" {
		props = append(props, "file="+escapeProperty(filepath.ToSlash(rng.Filename)))
		if rng.Start.Line > 0 {
			props = append(props, "line="+strconv.Itoa(rng.Start.Line))
			endLine := max(rng.End.Line, rng.Start.Line)
			props = append(props, "endLine="+strconv.Itoa(endLine))
			if endLine == rng.Start.Line && rng.Start.Column > 0 {
				props = append(props, "col="+strconv.Itoa(rng.Start.Column))
				if rng.End.Column > rng.Start.Column {
					props = append(props, "endColumn="+strconv.Itoa(rng.End.Column))
				}
			}
		}
	}
	if title != "" {
		props = append(props, "title="+escapeProperty(title))
	}
	b.WriteString("::" + level)
	if len(props) > 0 {
		b.WriteString(" " + strings.Join(props, ","))
	}
	b.WriteString("::" + escapeData(message) + "\n")
}

// escapeData escapes a command's message as the Actions runner decodes it
// (actions/toolkit, packages/core/src/command.ts): %, CR and LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value: the message escapes plus the
// property delimiters, colon and comma.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// githubLevel maps a severity to an annotation level.
func githubLevel(s analyzer.Severity) string {
	switch s {
	case analyzer.Critical, analyzer.High:
		return "error"
	case analyzer.Medium:
		return "warning"
	default:
		return "notice"
	}
}
