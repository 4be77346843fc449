package analyzer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/hashicorp/hcl/v2"
)

// Finding is one reported problem.
type Finding struct {
	Check    *Check
	CheckID  string
	Severity Severity
	Side     Side
	Category Category
	Message  string
	// Resource is the address of the instance the finding is about.
	Resource string
	// Range is where the finding points: the offending argument, or the
	// block header when the problem is a missing argument.
	Range hcl.Range
	// Path names the offending argument inside the resource, e.g.
	// "versioning[0].status"; with the check ID and resource address it makes
	// the fingerprint, so the fingerprint survives edits elsewhere.
	Path string
	// Fingerprint identifies the finding across unrelated edits.
	Fingerprint string
	// Snippet is the source line Range starts on, with Secret masked.
	Snippet string
	// Secret is a secret value the finding is about (a password, a key),
	// set through Pass.MaskLast. The runner masks it in Snippet, so that no
	// printer repeats it; messages carry only its masked form.
	Secret string
	// Suppressed is set when an ignore, the configuration or a baseline
	// silences the finding; suppressed findings are kept, not dropped.
	Suppressed *Suppression

	// resourceRange is the header of the resource block, where an ignore
	// comment may also stand.
	resourceRange hcl.Range
	// cfg is the configuration the finding was made in.
	cfg *Config
}

// Suppression says why a finding is not live.
type Suppression struct {
	// Kind is "inline", "config" or "baseline".
	Kind    string `json:"kind"`
	Reason  string `json:"reason"`
	Expires string `json:"expires,omitempty"`
}

// Pass is what a check sees while it runs over one configuration.
type Pass struct {
	Check  *Check
	Config *Config
	// Now is the scan date, for checks that compare against published
	// dates (deprecations, end of support). Tests inject a fixed date.
	Now time.Time

	findings []Finding
	unknowns unknownTracker
}

// Resources returns every managed instance of the given types in the
// configuration. Instances whose count or for_each is unknown are included:
// their body is still what the configuration says.
func (p *Pass) Resources(types ...string) []*Resource { return p.Config.Resources(types...) }

// DataSources returns every data source instance of the given types.
func (p *Pass) DataSources(types ...string) []*Resource { return p.Config.DataSources(types...) }

// EachResource calls fn for every managed instance of typ.
func (p *Pass) EachResource(typ string, fn func(r *Resource)) {
	for _, r := range p.Config.Resources(typ) {
		fn(r)
	}
}

// ReferrersOf returns the managed resources of the given types that refer to r
// through any argument (aws_s3_bucket.b.id, .bucket, .arn, a local or a module
// input derived from them).
func (p *Pass) ReferrersOf(r *Resource, types ...string) []*Resource {
	return p.Config.ReferrersOf(r, types...)
}

// Lookup returns the instance with the given full address, or nil.
func (p *Pass) Lookup(address string) *Resource { return p.Config.Lookup(address) }

// ReportAttr reports a problem at an argument of r. a may be nested anywhere
// in r's body.
func (p *Pass) ReportAttr(r *Resource, a *Attribute, format string, args ...any) {
	path := a.Name
	if a.Path != "" {
		path = a.Path
	}
	p.ReportRange(r, a.Range, path, format, args...)
}

// ReportBlock reports a problem at the header of a nested block of r (or of r
// itself when b is r.Body).
func (p *Pass) ReportBlock(r *Resource, b *Block, format string, args ...any) {
	p.ReportRange(r, b.DefRange, b.Path, format, args...)
}

// ReportMissing reports that r lacks the argument or block at path; the
// finding points at r's header.
func (p *Pass) ReportMissing(r *Resource, path string, format string, args ...any) {
	p.ReportRange(r, r.Body.DefRange, path, format, args...)
}

// ReportAt reports at the named argument of r when it is set, or at r's header
// when it is not.
func (p *Pass) ReportAt(r *Resource, name string, format string, args ...any) {
	if a := r.Attr(name); a != nil {
		p.ReportAttr(r, a, format, args...)
		return
	}
	p.ReportMissing(r, name, format, args...)
}

// ReportRange reports a problem at an arbitrary range, such as one element of
// a policy document. path identifies the element within r for the
// fingerprint.
func (p *Pass) ReportRange(r *Resource, rng hcl.Range, path string, format string, args ...any) {
	p.report(r.Address, r.Body.DefRange, rng, path, format, args...)
}

// report records a finding of the pass's check on the thing at address,
// whose header an ignore comment may stand above, located at rng.
func (p *Pass) report(address string, header, rng hcl.Range, path string, format string, args ...any) {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	c := p.Check
	p.findings = append(p.findings, Finding{
		Check:         c,
		CheckID:       c.ID,
		Severity:      c.Severity,
		Side:          c.Side,
		Category:      c.Category,
		Message:       msg,
		Resource:      address,
		Range:         rng,
		Path:          path,
		Fingerprint:   Fingerprint(c.ID, p.rootKey()+address, path),
		resourceRange: header,
		cfg:           p.Config,
	})
}

// rootKey names the configuration in fingerprints, so that the same address
// in two root modules (envs/prod and envs/staging) is two findings.
func (p *Pass) rootKey() string {
	if p.Config == nil || p.Config.key == "" || p.Config.key == "." {
		return ""
	}
	return p.Config.key + ":"
}

// Fingerprint derives the stable identity of a finding from what survives
// unrelated edits: the check, the resource address and the argument path.
func Fingerprint(checkID, address, path string) string {
	h := sha256.Sum256([]byte(checkID + "\x00" + address + "\x00" + path))
	return hex.EncodeToString(h[:16])
}

// memoEntry is one result of Pass.Memo with the unknown values read while
// computing it.
type memoEntry struct {
	value any
	reads []unknownRead
}

// Memo returns what build computes for key, computing it once per
// configuration and sharing it between the checks that run over it: a
// policy document read by every IAM check is parsed once. The unknown
// values read while building are recorded for the pass that built it and
// replayed for every pass that reuses it, so each check's controls still
// say what it could not know. The result is shared: callers must not change
// it. key must be comparable and should include something private to the
// caller (a type of its own) so that callers do not collide.
func (p *Pass) Memo(key any, build func() any) any {
	cfg := p.Config
	cfg.memoMu.Lock()
	e, ok := cfg.memo[key]
	cfg.memoMu.Unlock()
	if ok {
		for _, u := range e.reads {
			p.unknowns.note(u.r, u.what)
		}
		return e.value
	}
	var reads []unknownRead
	p.unknowns.recording = append(p.unknowns.recording, &reads)
	v := func() any {
		defer func() { p.unknowns.recording = p.unknowns.recording[:len(p.unknowns.recording)-1] }()
		return build()
	}()
	cfg.memoMu.Lock()
	if cfg.memo == nil {
		cfg.memo = map[any]*memoEntry{}
	}
	cfg.memo[key] = &memoEntry{value: v, reads: reads}
	cfg.memoMu.Unlock()
	return v
}
