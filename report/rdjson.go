package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/onus-sec/onus/analyzer"
)

// RDJSON prints live findings in reviewdog's Diagnostic Format, so that
// reviewdog can comment on the lines of a pull request: one DiagnosticResult
// document (rdjson), or one Diagnostic per line (rdjsonl). Suppressed
// findings are left out: the format has no notion of them, and reviewdog
// would comment on them. Problems in the input that have a file are
// reported too, as errors and warnings.
//
// reviewdog reads the documents with protojson, which rejects unknown
// fields: every field here is one of reviewdog.rdf's (proto/rdf/reviewdog.proto,
// reviewdog v0.21.0).
type RDJSON struct {
	// Lines selects rdjsonl: one Diagnostic object per line.
	Lines bool
}

type rdResult struct {
	Source      rdSource       `json:"source"`
	Diagnostics []rdDiagnostic `json:"diagnostics"`
}

type rdDiagnostic struct {
	Message  string     `json:"message"`
	Location rdLocation `json:"location"`
	Severity string     `json:"severity"`
	Source   rdSource   `json:"source"`
	Code     *rdCode    `json:"code,omitempty"`
	// Original is what reviewdog -reporter=local prints for the
	// diagnostic: a compiler-style line.
	Original string `json:"original_output,omitempty"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdLocation struct {
	Path  string   `json:"path"`
	Range *rdRange `json:"range,omitempty"`
}

type rdRange struct {
	Start rdPosition  `json:"start"`
	End   *rdPosition `json:"end,omitempty"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
}

// Write prints res as rdjson or rdjsonl.
func (p *RDJSON) Write(w io.Writer, res *analyzer.Result) error {
	diags := rdDiagnostics(res)
	var buf bytes.Buffer
	if p.Lines {
		for _, d := range diags {
			line, err := marshalCompact(d)
			if err != nil {
				return err
			}
			buf.Write(line)
			buf.WriteByte('\n')
		}
	} else {
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rdResult{Source: rdToolSource(), Diagnostics: diags}); err != nil {
			return fmt.Errorf("encoding rdjson report: %w", err)
		}
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("writing rdjson report: %w", err)
	}
	return nil
}

func marshalCompact(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encoding rdjsonl report: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func rdToolSource() rdSource { return rdSource{Name: ToolName, URL: InformationURI} }

func rdDiagnostics(res *analyzer.Result) []rdDiagnostic {
	out := []rdDiagnostic{}
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.Suppressed != nil {
			continue
		}
		_, _, fix := checkText(f)
		msg := fmt.Sprintf("[%s side] %s", f.Side, f.Message)
		if fix != "" {
			msg += "\nFix: " + fix
		}
		d := rdDiagnostic{
			Message:  msg,
			Location: rdLocationOf(f.Range, f.Snippet),
			Severity: rdSeverity(f.Severity),
			Source:   rdToolSource(),
			Code:     &rdCode{Value: f.CheckID, URL: CheckURL(f.CheckID)},
			Original: fmt.Sprintf("%s: %s %s [%s side] %s: %s", position(f.Range), f.Severity, f.CheckID, f.Side, f.Resource, f.Message),
		}
		out = append(out, d)
	}
	for _, sev := range []hcl.DiagnosticSeverity{hcl.DiagError, hcl.DiagWarning} {
		level := "ERROR"
		if sev == hcl.DiagWarning {
			level = "WARNING"
		}
		for _, d := range sortedDiagnostics(res.Diagnostics, sev) {
			// reviewdog places every diagnostic in a file; one without
			// a file has nowhere to go (the exit status still tells).
			if d.Subject == nil || d.Subject.Filename == "" {
				continue
			}
			out = append(out, rdDiagnostic{
				Message:  diagnosticMessage(d),
				Location: rdLocationOf(*d.Subject, ""),
				Severity: level,
				Source:   rdToolSource(),
				Original: fmt.Sprintf("%s: %s: %s", position(*d.Subject), strings.ToLower(level), diagnosticMessage(d)),
			})
		}
	}
	return out
}

// rdLocationOf converts a range. reviewdog counts columns in bytes of UTF-8
// while hcl counts characters, so the columns on the line the range starts
// on are converted with that line's text when it is known.
func rdLocationOf(rng hcl.Range, line string) rdLocation {
	loc := rdLocation{Path: filepath.ToSlash(rng.Filename)}
	if rng.Start.Line < 1 {
		return loc
	}
	start := rdPosition{Line: rng.Start.Line, Column: byteColumn(line, max(rng.Start.Column, 1))}
	r := &rdRange{Start: start}
	if rng.End.Line >= rng.Start.Line && rng.End.Line > 0 {
		end := rdPosition{Line: rng.End.Line, Column: rng.End.Column}
		if rng.End.Line == rng.Start.Line {
			end.Column = byteColumn(line, rng.End.Column)
		}
		r.End = &end
	}
	loc.Range = r
	return loc
}

// byteColumn converts a 1-based character column on line into a 1-based
// byte column. Without the line, or past its end, the column is kept.
func byteColumn(line string, col int) int {
	if line == "" || col < 1 {
		return col
	}
	n := 1
	for i := range line {
		if n == col {
			return i + 1
		}
		n++
	}
	if n == col {
		return len(line) + 1
	}
	return col + len(line) - len([]rune(line))
}

// rdSeverity maps a severity to reviewdog's: what must be fixed before
// merging is an error, what should be a warning, advice is information.
func rdSeverity(s analyzer.Severity) string {
	switch s {
	case analyzer.Critical, analyzer.High:
		return "ERROR"
	case analyzer.Medium:
		return "WARNING"
	default:
		return "INFO"
	}
}
