package report

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"

	"github.com/onus-sec/onus/analyzer"
)

// JSON prints the result as one JSON document (the --format json contract
// scripts depend on). Field names are part of the contract: change them only
// with a new major version.
type JSON struct {
	// Version is recorded as tool.version.
	Version string
}

type jsonDocument struct {
	Tool     jsonTool      `json:"tool"`
	Findings []jsonFinding `json:"findings"`
	Errors   []jsonError   `json:"errors"`
	Summary  jsonSummary   `json:"summary"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonFinding struct {
	CheckID     string           `json:"check_id"`
	Title       string           `json:"title"`
	Severity    string           `json:"severity"`
	Side        string           `json:"side"`
	Category    string           `json:"category"`
	Message     string           `json:"message"`
	Boundary    string           `json:"boundary"`
	Fix         string           `json:"fix"`
	Resource    string           `json:"resource"`
	Location    jsonLocation     `json:"location"`
	Fingerprint string           `json:"fingerprint"`
	Suppressed  *jsonSuppression `json:"suppressed"`
}

// jsonLocation is a range in a file. Lines and columns count from 1; the end
// column is exclusive (the position just after the last character), as in
// hcl.Range and SARIF.
type jsonLocation struct {
	File        string `json:"file"`
	StartLine   int    `json:"start_line"`
	StartColumn int    `json:"start_column"`
	EndLine     int    `json:"end_line"`
	EndColumn   int    `json:"end_column"`
}

type jsonSuppression struct {
	Kind    string  `json:"kind"`
	Reason  string  `json:"reason"`
	Expires *string `json:"expires"`
}

type jsonError struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type jsonSummary struct {
	Files      int            `json:"files"`
	Resources  int            `json:"resources"`
	Findings   int            `json:"findings"`
	Suppressed int            `json:"suppressed"`
	BySide     jsonBySide     `json:"by_side"`
	BySeverity jsonBySeverity `json:"by_severity"`
}

type jsonBySide struct {
	Customer int `json:"customer"`
	Shared   int `json:"shared"`
}

type jsonBySeverity struct {
	Critical int `json:"critical"`
	High     int `json:"high"`
	Medium   int `json:"medium"`
	Low      int `json:"low"`
}

// Write prints res as indented JSON followed by a newline.
func (p *JSON) Write(w io.Writer, res *analyzer.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Messages quote Terraform such as `a < b`; keep them readable.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p.document(res)); err != nil {
		return fmt.Errorf("writing JSON report: %w", err)
	}
	return nil
}

func (p *JSON) document(res *analyzer.Result) jsonDocument {
	c := summarize(res)
	doc := jsonDocument{
		Tool: jsonTool{Name: ToolName, Version: p.Version},
		// Empty lists are [] rather than null, so consumers can iterate
		// without a nil check.
		Findings: make([]jsonFinding, 0, len(res.Findings)),
		Errors:   []jsonError{},
		Summary: jsonSummary{
			Files:      c.files,
			Resources:  c.resources,
			Findings:   c.live,
			Suppressed: c.suppressed,
			BySide: jsonBySide{
				Customer: c.bySide[analyzer.Customer],
				Shared:   c.bySide[analyzer.Shared],
			},
			BySeverity: jsonBySeverity{
				Critical: c.bySeverity[analyzer.Critical],
				High:     c.bySeverity[analyzer.High],
				Medium:   c.bySeverity[analyzer.Medium],
				Low:      c.bySeverity[analyzer.Low],
			},
		},
	}
	for i := range res.Findings {
		doc.Findings = append(doc.Findings, newJSONFinding(&res.Findings[i]))
	}
	for _, d := range sortedDiagnostics(res.Diagnostics, hcl.DiagError) {
		e := jsonError{Message: diagnosticMessage(d)}
		if d.Subject != nil {
			e.File = filepath.ToSlash(d.Subject.Filename)
			e.Line = d.Subject.Start.Line
			e.Column = d.Subject.Start.Column
		}
		doc.Errors = append(doc.Errors, e)
	}
	return doc
}

func newJSONFinding(f *analyzer.Finding) jsonFinding {
	title, boundary, fix := checkText(f)
	jf := jsonFinding{
		CheckID:  f.CheckID,
		Title:    title,
		Severity: f.Severity.String(),
		Side:     string(f.Side),
		Category: string(f.Category),
		Message:  f.Message,
		Boundary: boundary,
		Fix:      fix,
		Resource: f.Resource,
		Location: jsonLocation{
			File:        filepath.ToSlash(f.Range.Filename),
			StartLine:   f.Range.Start.Line,
			StartColumn: f.Range.Start.Column,
			EndLine:     f.Range.End.Line,
			EndColumn:   f.Range.End.Column,
		},
		Fingerprint: f.Fingerprint,
	}
	if s := f.Suppressed; s != nil {
		js := &jsonSuppression{Kind: s.Kind, Reason: s.Reason}
		if s.Expires != "" {
			exp := s.Expires
			js.Expires = &exp
		}
		jf.Suppressed = js
	}
	return jf
}
