package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/hashicorp/hcl/v2"

	"github.com/onus-sec/onus/analyzer"
)

// SARIF 2.1.0 as GitHub code scanning and SARIF viewers read it. The
// $schema is the OASIS errata01 schema, the approved text of the standard;
// SARIF Multitool's SARIF1011 rule accepts it as the final schema.
const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	// srcRoot is the uriBaseId every artifact location is relative to: the
	// directory onus ran in, which the GitHub Action makes the repository
	// root.
	srcRoot = "%SRCROOT%"
	// fingerprintKey names onus's own fingerprint in partialFingerprints;
	// the /v1 suffix follows the SARIF convention of versioned keys, so a
	// future change of the hash can live beside the old one.
	fingerprintKey = "onusFingerprint/v1"
	// DefaultMaxSARIFResults is GitHub's limit on results per run: an
	// upload with more is rejected outright (docs.github.com, "SARIF
	// support for code scanning", upload limits, checked 2026-06).
	DefaultMaxSARIFResults = 25000
)

// SARIF prints the result as a SARIF 2.1.0 log with one run: a rule for
// every check that produced a result, each finding (live or suppressed) as a
// result, and problems in the input as tool execution notifications.
type SARIF struct {
	// Version is the tool version (tool.driver.version and semanticVersion).
	Version string
	// WorkDir is the absolute directory that result paths are relative to;
	// it becomes the %SRCROOT% entry of originalUriBaseIds. Empty leaves
	// the base unresolved, which SARIF allows.
	WorkDir string
	// Category is the GitHub code scanning category of the run, recorded
	// as automationDetails.id "<Category>/" so that runs over different
	// parts of a repository can be uploaded side by side. Empty means
	// "onus".
	Category string
	// MaxResults caps the results of the run, most severe live findings
	// first; zero means DefaultMaxSARIFResults.
	MaxResults int
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	AutomationDetails  sarifAutomationDetails           `json:"automationDetails"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	Results            []sarifResult                    `json:"results"`
	ColumnKind         string                           `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string              `json:"id"`
	Name                 string              `json:"name"`
	ShortDescription     sarifMessage        `json:"shortDescription"`
	FullDescription      sarifMessage        `json:"fullDescription"`
	Help                 sarifMultiformat    `json:"help"`
	HelpURI              string              `json:"helpUri"`
	DefaultConfiguration sarifConfiguration  `json:"defaultConfiguration"`
	Properties           sarifRuleProperties `json:"properties"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProperties struct {
	// SecuritySeverity is GitHub's score, a decimal number as a string.
	SecuritySeverity string   `json:"security-severity"`
	Precision        string   `json:"precision"`
	Tags             []string `json:"tags"`
	Side             string   `json:"side"`
	Category         string   `json:"category"`
	Severity         string   `json:"severity"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
	WorkingDirectory           *sarifArtifactLoc   `json:"workingDirectory,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifAutomationDetails struct {
	ID string `json:"id"`
}

// sarifArtifactLocation is an entry of originalUriBaseIds.
type sarifArtifactLocation struct {
	URI         string        `json:"uri,omitempty"`
	Description *sarifMessage `json:"description,omitempty"`
}

// sarifArtifactLoc is the artifactLocation of a physical location.
type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifResult struct {
	RuleID              string                `json:"ruleId"`
	RuleIndex           int                   `json:"ruleIndex"`
	Level               string                `json:"level"`
	Message             sarifMessage          `json:"message"`
	Locations           []sarifLocation       `json:"locations"`
	PartialFingerprints map[string]string     `json:"partialFingerprints"`
	Suppressions        []sarifSuppression    `json:"suppressions,omitempty"`
	Properties          sarifResultProperties `json:"properties"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation  `json:"physicalLocation"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifLogicalLocation struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifSuppression struct {
	Kind          string                      `json:"kind"`
	Status        string                      `json:"status"`
	Justification string                      `json:"justification,omitempty"`
	Properties    *sarifSuppressionProperties `json:"properties,omitempty"`
}

type sarifSuppressionProperties struct {
	// OnusKind is onus's own name for the suppression: inline, config or
	// baseline.
	OnusKind string `json:"onusKind"`
	Expires  string `json:"expires,omitempty"`
}

type sarifResultProperties struct {
	Side     string `json:"side"`
	Category string `json:"category"`
	Severity string `json:"severity"`
	Resource string `json:"resource"`
}

// Write prints res as an indented SARIF log followed by a newline.
func (p *SARIF) Write(w io.Writer, res *analyzer.Result) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p.log(res)); err != nil {
		return fmt.Errorf("encoding SARIF report: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("writing SARIF report: %w", err)
	}
	return nil
}

func (p *SARIF) log(res *analyzer.Result) sarifLog {
	findings, dropped := p.keep(res.Findings)
	rules, index := sarifRules(findings)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:            ToolName,
			Version:         p.Version,
			SemanticVersion: semanticVersion(p.Version),
			InformationURI:  InformationURI,
			Rules:           rules,
		}},
		Invocations: []sarifInvocation{{
			// The scan ran to its end: broken input files are reported
			// as error notifications, not as a failure of the tool.
			ExecutionSuccessful:        true,
			ToolExecutionNotifications: sarifNotifications(res.Diagnostics, dropped, len(findings)),
			WorkingDirectory:           p.workDirLocation(),
		}},
		AutomationDetails:  sarifAutomationDetails{ID: p.category() + "/"},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{srcRoot: p.srcRootLocation()},
		Results:            make([]sarifResult, 0, len(findings)),
		// hcl counts columns in characters, not in UTF-16 code units
		// (SARIF's default).
		ColumnKind: "unicodeCodePoints",
	}
	for i := range findings {
		run.Results = append(run.Results, sarifResultOf(&findings[i], index))
	}
	return sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}
}

func (p *SARIF) category() string {
	if c := strings.Trim(p.Category, "/"); c != "" {
		return c
	}
	return ToolName
}

func (p *SARIF) srcRootLocation() sarifArtifactLocation {
	loc := sarifArtifactLocation{Description: &sarifMessage{Text: "The directory onus ran in; every result path is relative to it."}}
	loc.URI = dirURI(p.WorkDir)
	return loc
}

func (p *SARIF) workDirLocation() *sarifArtifactLoc {
	if u := dirURI(p.WorkDir); u != "" {
		return &sarifArtifactLoc{URI: u}
	}
	return nil
}

// keep applies the result limit. Over the limit, live findings go first and
// the most severe among them, so that what is cut is what matters least;
// the kept findings stay in their original order.
func (p *SARIF) keep(fs []analyzer.Finding) (kept []analyzer.Finding, dropped int) {
	limit := p.MaxResults
	if limit <= 0 {
		limit = DefaultMaxSARIFResults
	}
	if len(fs) <= limit {
		return fs, 0
	}
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		fa, fb := &fs[order[a]], &fs[order[b]]
		if (fa.Suppressed == nil) != (fb.Suppressed == nil) {
			return fa.Suppressed == nil
		}
		return fa.Severity > fb.Severity
	})
	chosen := order[:limit]
	sort.Ints(chosen)
	kept = make([]analyzer.Finding, 0, limit)
	for _, i := range chosen {
		kept = append(kept, fs[i])
	}
	return kept, len(fs) - limit
}

// sarifRules describes every check that produced one of the findings, sorted
// by ID, and returns the index of each ID in that list.
func sarifRules(fs []analyzer.Finding) ([]sarifRule, map[string]int) {
	byID := map[string]*analyzer.Finding{}
	var ids []string
	for i := range fs {
		if _, ok := byID[fs[i].CheckID]; !ok {
			byID[fs[i].CheckID] = &fs[i]
			ids = append(ids, fs[i].CheckID)
		}
	}
	sort.Strings(ids)
	rules := make([]sarifRule, 0, len(ids))
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
		rules = append(rules, sarifRuleOf(byID[id]))
	}
	return rules, index
}

// sarifRuleOf builds a rule from the check of f. The severity, side and
// category come from the check as configured (a severity override in
// .onus.yml reaches the rule too), falling back to the finding's own.
func sarifRuleOf(f *analyzer.Finding) sarifRule {
	c := f.Check
	if c == nil {
		c = &analyzer.Check{ID: f.CheckID, Severity: f.Severity, Side: f.Side, Category: f.Category}
	}
	title := c.Title
	if title == "" {
		title = c.ID
	}
	full := sentence(title)
	if c.Boundary != "" {
		full += " " + sentence(c.Boundary)
	}
	return sarifRule{
		ID:               c.ID,
		Name:             pascalCase(c.ID),
		ShortDescription: sarifMessage{Text: title},
		FullDescription:  sarifMessage{Text: full},
		Help: sarifMultiformat{
			Text:     helpText(c),
			Markdown: helpMarkdown(c),
		},
		HelpURI:              CheckURL(c.ID),
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(c.Severity)},
		Properties: sarifRuleProperties{
			SecuritySeverity: securitySeverity(c.Severity),
			// Unknown values never produce a finding, so what is
			// reported is what the configuration says.
			Precision: "high",
			Tags:      []string{"security", "terraform", "aws", string(c.Side) + "-side", string(c.Category)},
			Side:      string(c.Side),
			Category:  string(c.Category),
			Severity:  c.Severity.String(),
		},
	}
}

func helpText(c *analyzer.Check) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\nSide: %s. Category: %s. Severity: %s.\n", sentence(titleOrID(c)), c.Side, c.Category, c.Severity)
	if c.Boundary != "" {
		fmt.Fprintf(&b, "\nWhere AWS's part ends: %s\n", sentence(c.Boundary))
	}
	if c.Fix != "" {
		fmt.Fprintf(&b, "\nFix: %s\n", sentence(c.Fix))
	}
	return b.String()
}

func helpMarkdown(c *analyzer.Check) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**\n\n", markdownText(sentence(titleOrID(c))))
	fmt.Fprintf(&b, "| side | category | severity |\n|---|---|---|\n| %s | %s | %s |\n", c.Side, c.Category, c.Severity)
	if c.Boundary != "" {
		fmt.Fprintf(&b, "\n**Where AWS's part ends:** %s\n", markdownText(sentence(c.Boundary)))
	}
	if c.Fix != "" {
		fmt.Fprintf(&b, "\n**Fix:** %s\n", markdownText(sentence(c.Fix)))
	}
	return b.String()
}

func titleOrID(c *analyzer.Check) string {
	if c.Title != "" {
		return c.Title
	}
	return c.ID
}

func sarifResultOf(f *analyzer.Finding, index map[string]int) sarifResult {
	r := sarifResult{
		RuleID:    f.CheckID,
		RuleIndex: index[f.CheckID],
		Level:     sarifLevel(f.Severity),
		Message:   sarifMessage{Text: sentence(f.Message)},
		Locations: []sarifLocation{{
			PhysicalLocation: sarifPhysical(f.Range),
		}},
		PartialFingerprints: map[string]string{fingerprintKey: f.Fingerprint},
		Properties: sarifResultProperties{
			Side:     string(f.Side),
			Category: string(f.Category),
			Severity: f.Severity.String(),
			Resource: f.Resource,
		},
	}
	if f.Resource != "" {
		r.Locations[0].LogicalLocations = []sarifLogicalLocation{{FullyQualifiedName: f.Resource, Kind: "resource"}}
	}
	if s := f.Suppressed; s != nil {
		// An ignore comment lives in the source (inSource); the
		// configuration file and the baseline are outside it (external).
		kind := "external"
		if s.Kind == "inline" {
			kind = "inSource"
		}
		r.Suppressions = []sarifSuppression{{
			Kind:          kind,
			Status:        "accepted",
			Justification: s.Reason,
			Properties:    &sarifSuppressionProperties{OnusKind: s.Kind, Expires: s.Expires},
		}}
	}
	return r
}

// sarifPhysical turns a range into a physical location. Lines and columns
// count from 1 and the end column is exclusive, in hcl as in SARIF.
func sarifPhysical(rng hcl.Range) sarifPhysicalLocation {
	loc := sarifPhysicalLocation{ArtifactLocation: sarifArtifactLoc{URI: relativeURI(rng.Filename), URIBaseID: srcRoot}}
	if rng.Start.Line < 1 {
		return loc
	}
	reg := &sarifRegion{StartLine: rng.Start.Line, StartColumn: max(rng.Start.Column, 1)}
	reg.EndLine, reg.EndColumn = rng.End.Line, rng.End.Column
	if reg.EndLine < reg.StartLine || (reg.EndLine == reg.StartLine && reg.EndColumn <= reg.StartColumn) {
		// An empty or inverted range still marks one character.
		reg.EndLine, reg.EndColumn = reg.StartLine, reg.StartColumn+1
	}
	loc.Region = reg
	return loc
}

// sarifNotifications reports the problems found in the input, and a cut
// result list, as notifications of the invocation.
func sarifNotifications(diags hcl.Diagnostics, dropped, kept int) []sarifNotification {
	out := []sarifNotification{}
	for _, sev := range []hcl.DiagnosticSeverity{hcl.DiagError, hcl.DiagWarning} {
		level := "error"
		if sev == hcl.DiagWarning {
			level = "warning"
		}
		for _, d := range sortedDiagnostics(diags, sev) {
			n := sarifNotification{Level: level, Message: sarifMessage{Text: sentence(diagnosticMessage(d))}}
			if d.Subject != nil && d.Subject.Filename != "" {
				n.Locations = []sarifLocation{{PhysicalLocation: sarifPhysical(*d.Subject)}}
			}
			out = append(out, n)
		}
	}
	if dropped > 0 {
		out = append(out, sarifNotification{Level: "warning", Message: sarifMessage{Text: fmt.Sprintf(
			"This run holds %d of %d results: GitHub code scanning rejects a run with more than %d, so the least severe were left out; run onus with --format json for all of them.",
			kept, kept+dropped, kept)}})
	}
	return out
}

// sarifLevel maps a severity to a SARIF level: what must be fixed before
// merging is an error, what should be fixed a warning, advice a note.
func sarifLevel(s analyzer.Severity) string {
	switch s {
	case analyzer.Critical, analyzer.High:
		return "error"
	case analyzer.Medium:
		return "warning"
	default:
		return "note"
	}
}

// securitySeverity gives GitHub's score for a severity. GitHub reads over
// 9.0 as critical, 7.0 to 8.9 as high, 4.0 to 6.9 as medium and 0.1 to 3.9
// as low (docs.github.com, "SARIF support for code scanning",
// reportingDescriptor properties, checked 2026-06); each value sits inside
// its band.
func securitySeverity(s analyzer.Severity) string {
	switch s {
	case analyzer.Critical:
		return "9.5"
	case analyzer.High:
		return "8.0"
	case analyzer.Medium:
		return "5.5"
	default:
		return "3.0"
	}
}

// semanticVersion returns v when it is a semantic version (with an optional
// leading v removed), else "".
func semanticVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	core, _, _ := strings.Cut(v, "-")
	core, _, _ = strings.Cut(core, "+")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return ""
	}
	for _, p := range parts {
		if p == "" || strings.TrimFunc(p, unicode.IsDigit) != "" {
			return ""
		}
	}
	return v
}

// relativeURI turns a slash-separated relative path into a URI reference,
// escaping what URIs do not allow (spaces, %, #, ?).
func relativeURI(name string) string {
	u := url.URL{Path: filepath.ToSlash(name)}
	return u.EscapedPath()
}

// dirURI returns the file URI of an absolute directory, ending in a slash as
// SARIF requires of a base URI; "" when dir is empty or not absolute.
func dirURI(dir string) string {
	if dir == "" || !filepath.IsAbs(dir) {
		return ""
	}
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x becomes /C:/x
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	u := url.URL{Scheme: "file", Path: p}
	return u.String()
}

// sentence ends s with a full stop unless it already ends a sentence, as
// SARIF asks of plain-text messages.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

// pascalCase turns a check ID into the rule name SARIF suggests:
// s3-public-acl becomes S3PublicAcl.
func pascalCase(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}
