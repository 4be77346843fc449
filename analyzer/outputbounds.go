package analyzer

import (
	"fmt"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// MaxSnippetBytes bounds the source line kept with a finding. A minified
// file or a megabyte string written on one line would otherwise be
// repeated in full for every finding on that line, in every format.
const MaxSnippetBytes = 500

// snippetEllipsis ends a snippet that was cut.
const snippetEllipsis = "…"

// truncateSnippet cuts line to at most MaxSnippetBytes bytes on a UTF-8
// boundary and marks the cut. Secrets are masked before the cut, so that
// cutting through one can never leave more of it than the mask shows.
func truncateSnippet(line string) string {
	if len(line) <= MaxSnippetBytes {
		return line
	}
	cut := MaxSnippetBytes
	for cut > 0 && !utf8.RuneStart(line[cut]) {
		cut--
	}
	return line[:cut] + snippetEllipsis
}

// MaxDiagnosticsPerFile bounds the diagnostics reported for one file; the
// rest are counted in one more diagnostic. Findings are never dropped.
const MaxDiagnosticsPerFile = 100

// capDiagnostics keeps the first MaxDiagnosticsPerFile diagnostics of each
// file, in the sorted order, and replaces the others with one diagnostic
// that counts them, at the place of the first one left out. It is an error
// when any left out was one, so that the exit status is the same.
func capDiagnostics(ds hcl.Diagnostics) hcl.Diagnostics {
	perFile := map[string]int{}
	type dropped struct {
		first  *hcl.Diagnostic
		n      int
		errors int
	}
	var order []string
	drops := map[string]*dropped{}
	out := ds[:0:0]
	for _, d := range ds {
		file := ""
		if d.Subject != nil {
			file = d.Subject.Filename
		}
		perFile[file]++
		if perFile[file] <= MaxDiagnosticsPerFile {
			out = append(out, d)
			continue
		}
		dr := drops[file]
		if dr == nil {
			dr = &dropped{first: d}
			drops[file] = dr
			order = append(order, file)
		}
		dr.n++
		if d.Severity == hcl.DiagError {
			dr.errors++
		}
	}
	if len(order) == 0 {
		return ds
	}
	for _, file := range order {
		dr := drops[file]
		sev := hcl.DiagWarning
		if dr.errors > 0 {
			sev = hcl.DiagError
		}
		name := file
		if name == "" {
			name = "this scan"
		}
		out = append(out, &hcl.Diagnostic{
			Severity: sev,
			Summary:  "More diagnostics",
			Detail:   fmt.Sprintf("%d more diagnostics for %s (%d of them errors) are not shown; only the first %d of a file are.", dr.n, name, dr.errors, MaxDiagnosticsPerFile),
			Subject:  dr.first.Subject,
		})
	}
	sortDiagnostics(out)
	return out
}
