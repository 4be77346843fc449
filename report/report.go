// Package report prints scan results. Each output format lives in its own
// file behind the Printer interface, so the CLI picks a format by name and
// nothing else in the program knows how a format looks.
package report

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/onus-sec/onus/analyzer"
)

// ToolName is the name printed in machine-readable outputs.
const ToolName = "onus"

// InformationURI is the project's home page, recorded by the formats that
// name their source (SARIF, rdjson).
const InformationURI = "https://github.com/onus-sec/onus"

// CheckURL returns the documentation page of a check: its section of the
// generated catalogue docs/checks.md.
func CheckURL(id string) string {
	return InformationURI + "/blob/main/docs/checks.md#" + id
}

// Printer writes a scan result in one format.
type Printer interface {
	Write(w io.Writer, res *analyzer.Result) error
}

// Options tune the printers; each format reads the fields it needs.
type Options struct {
	// Version is the tool version recorded by machine-readable formats.
	Version string
	// Color enables ANSI colours in the text format. The caller decides:
	// only on a terminal, never with --no-color or NO_COLOR.
	Color bool
	// Quiet leaves out everything but findings and errors (text format).
	Quiet bool
	// WorkDir is the absolute directory file names are relative to
	// (SARIF's %SRCROOT%).
	WorkDir string
	// Category tells runs over different parts of a repository apart in
	// GitHub code scanning (SARIF automationDetails).
	Category string
	// StepSummary, when set, is the file the github format appends its
	// markdown summary to ($GITHUB_STEP_SUMMARY).
	StepSummary string
}

// Formats lists the names New accepts, in the order help text shows them.
func Formats() []string {
	return []string{"text", "json", "sarif", "rdjson", "rdjsonl", "github", "markdown", "junit"}
}

// New returns the printer for a format name.
func New(format string, opts Options) (Printer, error) {
	switch format {
	case "text":
		return &Text{Color: opts.Color, Quiet: opts.Quiet}, nil
	case "json":
		return &JSON{Version: opts.Version}, nil
	case "sarif":
		return &SARIF{Version: opts.Version, WorkDir: opts.WorkDir, Category: opts.Category}, nil
	case "rdjson":
		return &RDJSON{}, nil
	case "rdjsonl":
		return &RDJSON{Lines: true}, nil
	case "github":
		return &GitHub{StepSummary: opts.StepSummary}, nil
	case "markdown":
		return &Markdown{}, nil
	case "junit":
		return &JUnit{}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
}

// counts is the summary every format prints: live findings by side and by
// severity, and how many were suppressed.
type counts struct {
	files, resources int
	live, suppressed int
	bySide           map[analyzer.Side]int
	bySeverity       map[analyzer.Severity]int
	errors           int
}

func summarize(res *analyzer.Result) counts {
	c := counts{
		files:      res.Files,
		resources:  res.Resources,
		bySide:     map[analyzer.Side]int{},
		bySeverity: map[analyzer.Severity]int{},
		errors:     len(res.Errors()),
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.Suppressed != nil {
			c.suppressed++
			continue
		}
		c.live++
		c.bySide[f.Side]++
		c.bySeverity[f.Severity]++
	}
	return c
}

// sortedDiagnostics returns the diagnostics of the given severity ordered by
// file, line and column, so that output never depends on the order in which
// files were parsed. Diagnostics without a range come first, in their
// original order.
func sortedDiagnostics(diags hcl.Diagnostics, sev hcl.DiagnosticSeverity) []*hcl.Diagnostic {
	var out []*hcl.Diagnostic
	for _, d := range diags {
		if d.Severity == sev {
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Subject, out[j].Subject
		switch {
		case a == nil || b == nil:
			return a == nil && b != nil
		case a.Filename != b.Filename:
			return filepath.ToSlash(a.Filename) < filepath.ToSlash(b.Filename)
		case a.Start.Line != b.Start.Line:
			return a.Start.Line < b.Start.Line
		default:
			return a.Start.Column < b.Start.Column
		}
	})
	return out
}

// diagnosticMessage joins a diagnostic's summary and detail into one line.
func diagnosticMessage(d *hcl.Diagnostic) string {
	msg := strings.TrimSpace(d.Summary)
	detail := strings.Join(strings.Fields(d.Detail), " ")
	switch {
	case msg == "":
		return detail
	case detail == "":
		return msg
	}
	return msg + ": " + detail
}

// checkText returns the catalogue text of a finding's check, tolerating a
// finding that carries no check.
func checkText(f *analyzer.Finding) (title, boundary, fix string) {
	if f.Check == nil {
		return "", "", ""
	}
	return f.Check.Title, f.Check.Boundary, f.Check.Fix
}
