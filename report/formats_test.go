package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/onus-sec/onus/analyzer"
)

// TestFormatGolden compares the pull-request and editor formats with their
// golden files in testdata (rewrite them with -update).
func TestFormatGolden(t *testing.T) {
	tests := []struct {
		name    string
		printer Printer
		result  *analyzer.Result
	}{
		{"sample.sarif", &SARIF{Version: "0.1.0", WorkDir: "/src/repo"}, sampleResult()},
		{"empty.sarif", &SARIF{Version: "0.1.0", Category: "onus/infra/prod"}, &analyzer.Result{}},
		{"sample.rdjson", &RDJSON{}, sampleResult()},
		{"sample.rdjsonl", &RDJSON{Lines: true}, sampleResult()},
		{"empty.rdjson", &RDJSON{}, &analyzer.Result{}},
		{"sample.github", &GitHub{}, sampleResult()},
		{"sample.md", &Markdown{}, sampleResult()},
		{"empty.md", &Markdown{}, &analyzer.Result{Files: 2, Resources: 3}},
		{"sample.junit.xml", &JUnit{}, sampleResult()},
		{"empty.junit.xml", &JUnit{}, &analyzer.Result{Files: 2, Resources: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.printer.Write(&buf, tt.result); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), buf.String()); diff != "" {
				t.Errorf("output differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

// loadSARIFSchema compiles the official SARIF 2.1.0 schema from ../shared, or
// skips the test when that directory is not beside the repository.
func loadSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := filepath.Join("..", "..", "shared", "sarif", "sarif-schema-2.1.0.json")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("SARIF schema not available (%v): ../shared/sarif/sarif-schema-2.1.0.json must sit beside the repository to validate SARIF output", err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validateSARIF(t *testing.T, s *jsonschema.Schema, data []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(inst); err != nil {
		t.Errorf("SARIF output does not validate against the 2.1.0 schema: %v", err)
	}
}

// manyFindings returns n findings of every severity, a quarter suppressed.
func manyFindings(n int) *analyzer.Result {
	res := &analyzer.Result{}
	checks := []*analyzer.Check{minorUpgrade, versioning, publicACL}
	for i := range n {
		c := checks[i%len(checks)]
		f := finding(c, "aws_s3_bucket.b"+strconv.Itoa(i), rng("main.tf", i+1, 1, i+1, 10), "", "message")
		if i%4 == 0 {
			f.Suppressed = &analyzer.Suppression{Kind: "baseline", Reason: "known"}
		}
		res.Findings = append(res.Findings, f)
	}
	return res
}

func TestSARIFSchema(t *testing.T) {
	schema := loadSARIFSchema(t)
	for name, tt := range map[string]struct {
		p   *SARIF
		res *analyzer.Result
	}{
		"sample":    {&SARIF{Version: "0.1.0", WorkDir: "/src/repo"}, sampleResult()},
		"empty":     {&SARIF{}, &analyzer.Result{}},
		"truncated": {&SARIF{Version: "1.2.3-rc.1", MaxResults: 5}, manyFindings(12)},
		"odd names": {&SARIF{WorkDir: "/a dir/with%"}, &analyzer.Result{Findings: []analyzer.Finding{
			finding(publicACL, "aws_s3_bucket.x", rng("dir with space/#1.tf", 1, 1, 1, 1), "", ""),
		}}},
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.p.Write(&buf, tt.res); err != nil {
				t.Fatal(err)
			}
			validateSARIF(t, schema, buf.Bytes())
		})
	}
}

// TestSARIFGitHubRules checks, independently of the golden file, what
// GitHub code scanning needs from every run: a rule for every result with
// help and a security-severity in range, relative URIs with a base, full
// regions, fingerprints, and suppressions of the right kind.
func TestSARIFGitHubRules(t *testing.T) {
	var buf bytes.Buffer
	if err := (&SARIF{Version: "0.1.0"}).Write(&buf, sampleResult()); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Schema != sarifSchema || log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("header: $schema %q, version %q, %d runs", log.Schema, log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "onus" || d.SemanticVersion != "0.1.0" || d.InformationURI == "" {
		t.Errorf("driver %+v", d)
	}
	if run.AutomationDetails.ID != "onus/" {
		t.Errorf("automationDetails.id = %q", run.AutomationDetails.ID)
	}
	if _, ok := run.OriginalURIBaseIDs[srcRoot]; !ok {
		t.Errorf("originalUriBaseIds lacks %s", srcRoot)
	}
	for i, r := range d.Rules {
		score, err := strconv.ParseFloat(r.Properties.SecuritySeverity, 64)
		if err != nil || score <= 0 || score > 10 {
			t.Errorf("rule %s: security-severity %q", r.ID, r.Properties.SecuritySeverity)
		}
		if r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.Help.Text == "" || r.Help.Markdown == "" {
			t.Errorf("rule %s lacks descriptions or help", r.ID)
		}
		if i > 0 && d.Rules[i-1].ID >= r.ID {
			t.Errorf("rules not sorted: %s before %s", d.Rules[i-1].ID, r.ID)
		}
		if !strings.Contains(r.Help.Markdown, "Where AWS's part ends") || !strings.Contains(r.Help.Markdown, "**Fix:**") {
			t.Errorf("rule %s help has no boundary or fix:\n%s", r.ID, r.Help.Markdown)
		}
		tags := strings.Join(r.Properties.Tags, " ")
		if !strings.Contains(tags, r.Properties.Side) || !strings.Contains(tags, r.Properties.Category) || !strings.Contains(tags, "security") {
			t.Errorf("rule %s tags %v lack the side, the category or security", r.ID, r.Properties.Tags)
		}
	}
	var inSource, external int
	for _, r := range run.Results {
		if r.RuleIndex >= len(d.Rules) || d.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s: ruleIndex %d names another rule", r.RuleID, r.RuleIndex)
		}
		loc := r.Locations[0].PhysicalLocation
		if strings.Contains(loc.ArtifactLocation.URI, ":") || strings.HasPrefix(loc.ArtifactLocation.URI, "/") || loc.ArtifactLocation.URIBaseID != srcRoot {
			t.Errorf("result %s: artifact location %+v is not relative to %s", r.RuleID, loc.ArtifactLocation, srcRoot)
		}
		if g := loc.Region; g == nil || g.StartLine < 1 || g.StartColumn < 1 || g.EndLine < g.StartLine || g.EndColumn < 1 {
			t.Errorf("result %s: region %+v", r.RuleID, g)
		}
		if r.PartialFingerprints[fingerprintKey] == "" {
			t.Errorf("result %s has no fingerprint", r.RuleID)
		}
		if r.Properties.Side == "" {
			t.Errorf("result %s has no side", r.RuleID)
		}
		for _, s := range r.Suppressions {
			switch s.Kind {
			case "inSource":
				inSource++
			case "external":
				external++
			default:
				t.Errorf("suppression kind %q", s.Kind)
			}
		}
	}
	if inSource != 1 || external != 1 {
		t.Errorf("suppressions: %d inSource, %d external; want 1 and 1", inSource, external)
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	if len(notes) != 4 || notes[0].Level != "error" || notes[3].Level != "warning" {
		t.Errorf("notifications %+v, want the 3 errors then the warning", notes)
	}
}

func TestSARIFTruncates(t *testing.T) {
	res := manyFindings(12)
	log := (&SARIF{MaxResults: 5}).log(res)
	run := log.Runs[0]
	if len(run.Results) != 5 {
		t.Fatalf("%d results, want 5", len(run.Results))
	}
	for _, r := range run.Results {
		if len(r.Suppressions) > 0 || r.Properties.Severity == "low" {
			t.Errorf("kept %s (%s, suppressed %v) over a more severe live finding", r.RuleID, r.Properties.Severity, r.Suppressions)
		}
	}
	for i := 1; i < len(run.Results); i++ {
		a, b := run.Results[i-1].Locations[0].PhysicalLocation.Region, run.Results[i].Locations[0].PhysicalLocation.Region
		if a.StartLine > b.StartLine {
			t.Errorf("kept results are out of order")
		}
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	if len(notes) != 1 || !strings.Contains(notes[0].Message.Text, "5 of 12 results") {
		t.Errorf("notifications %+v, want one saying 5 of 12 results", notes)
	}
	if untouched := (&SARIF{}).log(res); len(untouched.Runs[0].Results) != 12 {
		t.Errorf("default limit dropped results")
	}
}

func TestSARIFHelpers(t *testing.T) {
	tests := []struct{ got, want string }{
		{semanticVersion("0.1.0"), "0.1.0"},
		{semanticVersion("v1.2.3-rc.1+build.5"), "1.2.3-rc.1+build.5"},
		{semanticVersion("dev"), ""},
		{semanticVersion("1.2"), ""},
		{semanticVersion("1.x.3"), ""},
		{relativeURI("modules/logs/main.tf"), "modules/logs/main.tf"},
		{relativeURI("dir with space/#1%.tf"), "dir%20with%20space/%231%25.tf"},
		{relativeURI("../up/a.tf"), "../up/a.tf"},
		{dirURI("/src/repo"), "file:///src/repo/"},
		{dirURI("/src/repo/"), "file:///src/repo/"},
		{dirURI("relative"), ""},
		{dirURI(""), ""},
		{sentence("no period"), "no period."},
		{sentence("has one."), "has one."},
		{sentence(" why? "), "why?"},
		{sentence(""), ""},
		{pascalCase("s3-public-acl"), "S3PublicAcl"},
		{pascalCase("iam_admin-policy"), "IamAdminPolicy"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	for _, s := range analyzer.Severities() {
		score, _ := strconv.ParseFloat(securitySeverity(s), 64)
		// GitHub's bands: over 9.0 critical, 7.0-8.9 high, 4.0-6.9
		// medium, 0.1-3.9 low.
		var ok bool
		switch s {
		case analyzer.Critical:
			ok = score > 9.0
		case analyzer.High:
			ok = score >= 7.0 && score < 9.0
		case analyzer.Medium:
			ok = score >= 4.0 && score < 7.0
		case analyzer.Low:
			ok = score >= 0.1 && score < 4.0
		}
		if !ok {
			t.Errorf("%s maps to %v, outside GitHub's band", s, score)
		}
	}
}

// TestRDJSONFields decodes the rdjson output against the fields reviewdog's
// protojson reader accepts; an unknown field would make reviewdog reject
// the whole document.
func TestRDJSONFields(t *testing.T) {
	var buf bytes.Buffer
	if err := (&RDJSON{}).Write(&buf, sampleResult()); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	var doc rdResult
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	var findings, problems int
	for _, d := range doc.Diagnostics {
		if d.Code != nil {
			findings++
			if !strings.HasPrefix(d.Message, "[customer side]") && !strings.HasPrefix(d.Message, "[shared side]") {
				t.Errorf("message %q does not start with the side", d.Message)
			}
		} else {
			problems++
		}
		switch d.Severity {
		case "ERROR", "WARNING", "INFO":
		default:
			t.Errorf("severity %q", d.Severity)
		}
		if d.Location.Path == "" {
			t.Errorf("diagnostic without a path: %+v", d)
		}
	}
	// 3 live findings; the two errors and the warning that have a file.
	if findings != 3 || problems != 3 {
		t.Errorf("%d findings and %d problems, want 3 and 3", findings, problems)
	}

	buf.Reset()
	if err := (&RDJSON{Lines: true}).Write(&buf, sampleResult()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 6 {
		t.Fatalf("rdjsonl has %d lines, want 6", len(lines))
	}
	for _, l := range lines {
		dec := json.NewDecoder(strings.NewReader(l))
		dec.DisallowUnknownFields()
		var d rdDiagnostic
		if err := dec.Decode(&d); err != nil {
			t.Errorf("line %q: %v", l, err)
		}
	}
}

func TestByteColumn(t *testing.T) {
	tests := []struct {
		line     string
		col      int
		wantByte int
	}{
		{`  acl = "x"`, 3, 3},
		{`  tag = "café" # x`, 14, 15},
		{`  tag = "café" # x`, 13, 13},
		{`a𐐀b`, 3, 6},
		{`abc`, 4, 4},
		{`aé`, 5, 6},
		{"", 7, 7},
		{"abc", 0, 0},
	}
	for _, tt := range tests {
		if got := byteColumn(tt.line, tt.col); got != tt.wantByte {
			t.Errorf("byteColumn(%q, %d) = %d, want %d", tt.line, tt.col, got, tt.wantByte)
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	if got, want := escapeData("100% done\r\nnext: a,b"), "100%25 done%0D%0Anext: a,b"; got != want {
		t.Errorf("escapeData = %q, want %q", got, want)
	}
	if got, want := escapeProperty("dir:a,b/100%\n.tf"), "dir%3Aa%2Cb/100%25%0A.tf"; got != want {
		t.Errorf("escapeProperty = %q, want %q", got, want)
	}
	var buf bytes.Buffer
	res := &analyzer.Result{Findings: []analyzer.Finding{
		finding(publicACL, "aws_s3_bucket.a", rng("we,ird:name.tf", 2, 3, 2, 9), "", "first line\nsecond 100%"),
		finding(versioning, "aws_s3_bucket.a", rng("main.tf", 4, 1, 6, 2), "", "spans lines"),
		finding(minorUpgrade, "aws_db_instance.a", rng("main.tf", 9, 3, 9, 20), "", "low"),
	}}
	if err := (&GitHub{}).Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	want := "::error file=we%2Cird%3Aname.tf,line=2,endLine=2,col=3,endColumn=9,title=s3-public-acl%3A S3 bucket ACL grants access to everyone::first line%0Asecond 100%25 (customer side, critical)\n" +
		"::warning file=main.tf,line=4,endLine=6,title=s3-versioning-disabled%3A S3 bucket versioning is off::spans lines (customer side, medium)\n" +
		"::notice file=main.tf,line=9,endLine=9,col=3,endColumn=20,title=rds-auto-minor-upgrade-disabled%3A Automatic minor engine upgrades are off::low (shared side, low)\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("annotations (-want +got):\n%s", diff)
	}
}

// TestGitHubStepSummary checks that the markdown summary is appended to
// the job summary file, after what earlier steps wrote.
func TestGitHubStepSummary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "step_summary.md")
	if err := os.WriteFile(path, []byte("earlier step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := (&GitHub{StepSummary: path}).Write(io.Discard, sampleResult()); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var md bytes.Buffer
	if err := (&Markdown{}).Write(&md, sampleResult()); err != nil {
		t.Fatal(err)
	}
	if want := "earlier step\n" + md.String(); string(got) != want {
		t.Errorf("job summary:\n%s\nwant:\n%s", got, want)
	}
}

func TestMarkdownEscaping(t *testing.T) {
	tests := []struct{ got, want string }{
		{markdownText("a | b `c` *d* <e> [f](g) _h_ & #1 ~i~ \\"), `a \| b \` + "`c\\`" + ` \*d\* &lt;e&gt; \[f\](g) \_h\_ &amp; \#1 \~i\~ \\`},
		{markdownText("two\nlines"), "two lines"},
		{markdownCode(`aws_s3_bucket.b["a|b"]`), "`" + `aws_s3_bucket.b["a\|b"]` + "`"},
		{markdownCode("x`y"), "``x`y``"},
		{markdownCode("`x``"), "``` `x`` ```"},
		{markdownCode(""), ""},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	res := &analyzer.Result{Findings: []analyzer.Finding{
		finding(publicACL, "aws_s3_bucket.b[\"x|y\"]", rng("a|b.tf", 1, 1, 1, 2), "", "m"),
	}}
	for i := range 150 {
		res.Findings = append(res.Findings, finding(versioning, "aws_s3_bucket.n"+strconv.Itoa(i), rng("main.tf", i+1, 1, i+1, 2), "", "m"))
	}
	var buf bytes.Buffer
	if err := (&Markdown{}).Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"`aws_s3_bucket.b[\"x\\|y\"]`", "`a\\|b.tf:1:1`", "51 findings more not shown", "| **total** | **151** | **0** | **151** |"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "<details>"); n != 2 {
		t.Errorf("%d <details> sections, want one per check (2)", n)
	}
}

// TestJUnitXML decodes the JUnit output and checks its counts: one suite
// per check, a failure per live finding, a skip per suppressed one.
func TestJUnitXML(t *testing.T) {
	var buf bytes.Buffer
	if err := (&JUnit{}).Write(&buf, sampleResult()); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte(xml.Header)) {
		t.Errorf("no XML declaration")
	}
	var doc junitSuites
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	type counts struct{ Tests, Failures, Errors, Skipped int }
	got := map[string]counts{}
	for _, s := range doc.Suites {
		got[s.Name] = counts{s.Tests, s.Failures, s.Errors, s.Skipped}
	}
	want := map[string]counts{
		"s3-public-acl":                   {2, 2, 0, 0},
		"rds-auto-minor-upgrade-disabled": {1, 1, 0, 0},
		"s3-versioning-disabled":          {2, 0, 0, 2},
		"onus: input errors":              {3, 0, 3, 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("suites (-want +got):\n%s", diff)
	}
	if doc.Tests != 8 || doc.Failures != 3 || doc.Errors != 3 || doc.Skipped != 2 {
		t.Errorf("totals %d tests, %d failures, %d errors, %d skipped", doc.Tests, doc.Failures, doc.Errors, doc.Skipped)
	}

	// Characters XML 1.0 cannot carry are replaced, so the document
	// stays well-formed whatever a message holds.
	buf.Reset()
	res := &analyzer.Result{Findings: []analyzer.Finding{finding(publicACL, "a", rng("m.tf", 1, 1, 1, 2), "", "bell\x07 & <tag> \"q\"")}}
	if err := (&JUnit{}).Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Errorf("output with control characters is not well-formed: %v\n%s", err, buf.String())
	}
}

// TestNewFormats checks that every format New knows has a printer that
// copes with an empty result and with diagnostics that have no range.
func TestNewFormats(t *testing.T) {
	res := &analyzer.Result{Diagnostics: hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "no range"}}}
	for _, f := range Formats() {
		p, err := New(f, Options{Version: "0.1.0"})
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Write(io.Discard, res); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}
