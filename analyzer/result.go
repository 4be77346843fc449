package analyzer

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
)

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

	runs    []checkRun
	configs []*Config
	targets map[string]bool
}

// Controls derives, for every check and every resource instance it applies
// to, the control's status from the findings as they stand now — so a
// suppression added after the run (a baseline, say) shows as suppressed.
// Failed and suppressed controls correspond one to one to findings.
func (r *Result) Controls() []Control {
	type key struct {
		cfg   *Config
		check string
	}
	byRun := map[key][]*Finding{}
	for i := range r.Findings {
		f := &r.Findings[i]
		byRun[key{f.cfg, f.CheckID}] = append(byRun[key{f.cfg, f.CheckID}], f)
	}
	var out []Control
	stand := map[*Config]map[string]*Resource{}
	for _, run := range r.runs {
		if stand[run.cfg] == nil {
			stand[run.cfg] = map[string]*Resource{}
		}
		for _, c := range controlsOf(run.check, run.cfg, byRun[key{run.cfg, run.check.ID}], run.unknowns, stand[run.cfg]) {
			if r.targets != nil && c.Finding == nil && !r.targets[c.Resource.Body.DefRange.Filename] {
				continue
			}
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Resource.Address != b.Resource.Address {
			return a.Resource.Address < b.Resource.Address
		}
		if a.Resource.Body.DefRange.Filename != b.Resource.Body.DefRange.Filename {
			return a.Resource.Body.DefRange.Filename < b.Resource.Body.DefRange.Filename
		}
		return a.Check.ID < b.Check.ID
	})
	return out
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
