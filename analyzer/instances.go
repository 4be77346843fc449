package analyzer

import "sort"

// Instances returns every resource and data source instance the run
// evaluated, so that a report can list resources no check applies to
// (the responsibility map shows AWS's side for them too). In pre-commit mode
// only the instances declared in the named files are returned, as with
// Controls. They are sorted by address, then file.
func (r *Result) Instances() []*Resource {
	var out []*Resource
	for _, cfg := range r.configs {
		for _, m := range cfg.Modules {
			for _, res := range m.Resources {
				if r.targets != nil && !r.targets[res.Body.DefRange.Filename] {
					continue
				}
				out = append(out, res)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Address != out[j].Address {
			return out[i].Address < out[j].Address
		}
		return out[i].Body.DefRange.Filename < out[j].Body.DefRange.Filename
	})
	return out
}
