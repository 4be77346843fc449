package analyzer

import (
	"sort"
	"strings"
)

// Status is the state of one control on one resource instance.
type Status string

// Statuses of a control. Pass means the deciding values are known and good;
// Unknown means a deciding value cannot be known before apply; Info is for
// AWS's own controls, which are shown and never judged.
const (
	StatusPass       Status = "pass"
	StatusFail       Status = "fail"
	StatusUnknown    Status = "unknown"
	StatusSuppressed Status = "suppressed"
	StatusInfo       Status = "info"
)

// Control is the result of one check on one resource instance. A check that
// reports several problems on one instance gives one failed control per
// finding, so that failed controls and live findings always agree.
type Control struct {
	Check    *Check
	Resource *Resource
	Status   Status
	// Detail says what failed (the finding's message), or which values
	// were unknown.
	Detail string
	// Finding is set for failed and suppressed controls.
	Finding *Finding
}

// unknownTracker records the unknown values a check read, per resource.
type unknownTracker struct {
	reads map[*Resource][]string
	// recording holds the unknown reads of each Pass.Memo computation in
	// progress (innermost last), to replay them when the result is reused.
	recording []*[]unknownRead
}

// unknownRead is one unknown value read for a resource.
type unknownRead struct {
	r    *Resource
	what string
}

func (t *unknownTracker) note(r *Resource, what string) {
	if t == nil || r == nil {
		return
	}
	for _, rec := range t.recording {
		*rec = append(*rec, unknownRead{r, what})
	}
	if t.reads == nil {
		t.reads = map[*Resource][]string{}
	}
	for _, w := range t.reads[r] {
		if w == what {
			return
		}
	}
	t.reads[r] = append(t.reads[r], what)
}

// NoteUnknown records that the check could not decide about r because of an
// unknown value (what names it, e.g. "var.acl" or "policy"). The readers
// record this on their own; checks call it when they read values another way.
func (p *Pass) NoteUnknown(r *Resource, what string) { p.unknowns.note(r, what) }

// noteUnknown records an unknown read of the attribute against its resource,
// for the pass currently running over the resource's configuration.
func (a *Attribute) noteUnknown() {
	if a == nil || a.owner == nil || a.owner.Module == nil || a.owner.Module.cfg == nil {
		return
	}
	if p := a.owner.Module.cfg.active; p != nil {
		what := a.Path
		if what == "" {
			what = a.Name
		}
		p.unknowns.note(a.owner, what)
	}
}

func (b *Block) noteUnknown(what string) {
	if b == nil || b.owner == nil || b.owner.Module == nil || b.owner.Module.cfg == nil {
		return
	}
	if p := b.owner.Module.cfg.active; p != nil {
		p.unknowns.note(b.owner, joinPath(b.Path, what))
	}
}

// setOwner links every attribute and block of a body to its resource, so
// that readers can record unknown reads against it.
func setOwner(b *Block, r *Resource) {
	b.owner = r
	for _, a := range b.Attributes {
		a.owner = r
	}
	for _, nb := range b.Blocks {
		setOwner(nb, r)
	}
}

// controlsOf derives the controls of one check on one configuration from
// the resources it applies to, the findings it made and the unknown values it
// read. Findings must already carry their suppressions.
func controlsOf(c *Check, cfg *Config, findings []*Finding, unknowns map[*Resource][]string, stand map[string]*Resource) []Control {
	var out []Control
	byAddr := map[string][]*Finding{}
	for _, f := range findings {
		byAddr[f.Resource] = append(byAddr[f.Resource], f)
	}
	seen := map[string]bool{}
	var subjects []*Resource
	for _, t := range c.Resources {
		subjects = append(subjects, cfg.byType[t]...)
		subjects = append(subjects, cfg.byType["data."+t]...)
	}
	for _, addr := range sortedKeys(byAddr) {
		if r := cfg.Lookup(addr); r != nil {
			subjects = append(subjects, r)
		} else {
			// One stand-in per address, whichever check reported on it.
			if stand[addr] == nil {
				stand[addr] = configSubject(byAddr[addr][0])
			}
			subjects = append(subjects, stand[addr])
		}
	}
	sort.SliceStable(subjects, func(i, j int) bool { return subjects[i].Address < subjects[j].Address })
	for _, r := range subjects {
		if seen[r.Address] {
			continue
		}
		seen[r.Address] = true
		if fs := byAddr[r.Address]; len(fs) > 0 {
			for _, f := range fs {
				st := StatusFail
				if f.Suppressed != nil {
					st = StatusSuppressed
				}
				out = append(out, Control{Check: c, Resource: r, Status: st, Detail: f.Message, Finding: f})
			}
			continue
		}
		if u := unknowns[r]; len(u) > 0 {
			out = append(out, Control{Check: c, Resource: r, Status: StatusUnknown, Detail: "unknown at scan time: " + strings.Join(u, ", ")})
			continue
		}
		out = append(out, Control{Check: c, Resource: r, Status: StatusPass})
	}
	return out
}

// ConfigMode marks the stand-in resource of a control about a block that is
// no resource instance: a provider, a backend, a local or a variable.
const ConfigMode Mode = "config"

// configSubject makes the stand-in resource for a finding about a provider
// block, a backend, a local or a variable, so that its control is listed and
// counted like any other.
func configSubject(f *Finding) *Resource {
	addr := f.Resource
	last := addr
	if i := strings.LastIndex(addr, "module."); i >= 0 {
		if j := strings.Index(addr[i+len("module."):], "."); j >= 0 {
			last = addr[i+len("module.")+j+1:]
		}
	}
	// The type names the kind of block: provider.aws, terraform.backend.s3,
	// local, var.
	parts := strings.Split(last, ".")
	typ := parts[0]
	switch {
	case parts[0] == "provider" && len(parts) >= 2:
		typ = "provider." + parts[1]
	case parts[0] == "terraform" && len(parts) >= 3:
		typ = strings.Join(parts[:3], ".")
	}
	return &Resource{Mode: ConfigMode, Type: typ, Address: addr, Body: &Block{DefRange: f.Range, Range: f.Range, Attributes: map[string]*Attribute{}}}
}
