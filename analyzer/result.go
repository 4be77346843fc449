package analyzer

import "github.com/hashicorp/hcl/v2"

// Result is everything a printer needs: findings (live and suppressed),
// problems found in the user's files, and counts for the summary.
type Result struct {
	// Findings are sorted by file, line, column and check ID.
	Findings []Finding
	// Diagnostics are problems in the input (broken HCL, unreadable files,
	// cycles); errors make the exit code 2, warnings are informational.
	Diagnostics hcl.Diagnostics
	// Files is the number of Terraform files read.
	Files int
	// Resources is the number of resource and data source instances
	// evaluated.
	Resources int
}

// Live returns the findings that are not suppressed.
func (r *Result) Live() []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Suppressed == nil {
			out = append(out, f)
		}
	}
	return out
}

// Errors returns the error diagnostics.
func (r *Result) Errors() hcl.Diagnostics {
	var out hcl.Diagnostics
	for _, d := range r.Diagnostics {
		if d.Severity == hcl.DiagError {
			out = append(out, d)
		}
	}
	return out
}
