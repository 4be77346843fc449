package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/onus-sec/onus/analyzer"
)

// JUnit prints the result as JUnit XML, the test report format CI systems
// (Jenkins, GitLab, Azure Pipelines, CircleCI) show natively: one test
// suite per check, one failing test case per live finding and one skipped
// test case per suppressed finding. Files that could not be parsed form a
// suite of their own, as errors. A clean scan is one passing test case, so
// that a CI step that insists on at least one test is satisfied.
type JUnit struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string          `xml:"name,attr"`
	Tests     int             `xml:"tests,attr"`
	Failures  int             `xml:"failures,attr"`
	Errors    int             `xml:"errors,attr"`
	Skipped   int             `xml:"skipped,attr"`
	Props     *junitPropSet   `xml:"properties,omitempty"`
	TestCases []junitTestCase `xml:"testcase"`
}

type junitPropSet struct {
	Props []junitProp `xml:"property"`
}

type junitProp struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitTestCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// Write prints res as a JUnit XML document.
func (p *JUnit) Write(w io.Writer, res *analyzer.Result) error {
	doc := junitDocument(res)
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("encoding JUnit report: %w", err)
	}
	buf.WriteByte('\n')
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("writing JUnit report: %w", err)
	}
	return nil
}

func junitDocument(res *analyzer.Result) junitSuites {
	doc := junitSuites{Name: ToolName}
	byCheck := map[string]*junitSuite{}
	var ids []string
	for i := range res.Findings {
		f := &res.Findings[i]
		s := byCheck[f.CheckID]
		if s == nil {
			s = &junitSuite{Name: f.CheckID, Props: junitCheckProps(f)}
			byCheck[f.CheckID] = s
			ids = append(ids, f.CheckID)
		}
		s.TestCases = append(s.TestCases, junitCase(f))
		s.Tests++
		if f.Suppressed != nil {
			s.Skipped++
		} else {
			s.Failures++
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		doc.Suites = append(doc.Suites, *byCheck[id])
	}
	if errs := sortedDiagnostics(res.Diagnostics, hcl.DiagError); len(errs) > 0 {
		s := junitSuite{Name: ToolName + ": input errors"}
		for _, d := range errs {
			tc := junitTestCase{Name: "parse", ClassName: ToolName}
			if d.Subject != nil && d.Subject.Filename != "" {
				tc.Name = position(*d.Subject)
				tc.File = filepath.ToSlash(d.Subject.Filename)
				tc.Line = max(d.Subject.Start.Line, 0)
			}
			tc.Error = &junitProblem{Message: diagnosticMessage(d), Type: "error", Text: diagnosticMessage(d)}
			s.TestCases = append(s.TestCases, tc)
			s.Tests++
			s.Errors++
		}
		doc.Suites = append(doc.Suites, s)
	}
	if len(doc.Suites) == 0 {
		doc.Suites = []junitSuite{{Name: ToolName, Tests: 1, TestCases: []junitTestCase{{
			Name:      fmt.Sprintf("no findings in %s across %s", plural(res.Resources, "resource"), plural(res.Files, "file")),
			ClassName: ToolName,
		}}}}
	}
	for _, s := range doc.Suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Skipped += s.Skipped
	}
	return doc
}

func junitCheckProps(f *analyzer.Finding) *junitPropSet {
	title, _, _ := checkText(f)
	return &junitPropSet{Props: []junitProp{
		{Name: "title", Value: title},
		{Name: "severity", Value: f.Severity.String()},
		{Name: "side", Value: string(f.Side)},
		{Name: "category", Value: string(f.Category)},
	}}
}

// junitCase names a finding by resource and position, the pair a reader
// looks for in a list of failed tests.
func junitCase(f *analyzer.Finding) junitTestCase {
	tc := junitTestCase{
		Name:      f.Resource + " at " + position(f.Range),
		ClassName: f.CheckID,
		File:      filepath.ToSlash(f.Range.Filename),
		Line:      max(f.Range.Start.Line, 0),
	}
	if s := f.Suppressed; s != nil {
		msg := "suppressed (" + s.Kind + ")"
		if s.Reason != "" {
			msg += ": " + s.Reason
		}
		if s.Expires != "" {
			msg += " until " + s.Expires
		}
		tc.Skipped = &junitSkipped{Message: msg}
		return tc
	}
	_, boundary, fix := checkText(f)
	var text strings.Builder
	fmt.Fprintf(&text, "%s: %s %s [%s side] %s\n%s\n", position(f.Range), f.Severity, f.CheckID, f.Side, f.Resource, f.Message)
	if boundary != "" {
		fmt.Fprintf(&text, "Where AWS's part ends: %s\n", boundary)
	}
	if fix != "" {
		fmt.Fprintf(&text, "Fix: %s\n", fix)
	}
	tc.Failure = &junitProblem{Message: f.Message, Type: f.Severity.String(), Text: text.String()}
	return tc
}
