package report

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/onus-sec/onus/analyzer"
)

// The responsibility map answers, for each resource, the question the Shared
// Responsibility Model asks: which controls are AWS's, which are mine, and
// which of mine are done. It is built from the controls the run derived (one
// per check and resource instance, with its status) and from the
// catalogue's table of what AWS secures for each resource type.

// AWSControl is one of AWS's own controls for a resource type, as the
// catalogue states it. The map shows it with side aws and status info.
type AWSControl struct {
	ID     string
	Title  string
	Detail string
}

// ResponsibilityOptions say what goes into the map.
type ResponsibilityOptions struct {
	// AWSSide returns AWS's controls for a resource type (a data source's
	// type without "data."); nil shows none.
	AWSSide func(resourceType string) []AWSControl
	// Sides lists the sides to show; empty shows all three.
	Sides []analyzer.Side
}

// Responsibility is the map: every resource instance with its controls.
type Responsibility struct {
	Resources []ResourceControls
	// Sides are the sides shown, customer, shared and aws in that order.
	Sides []analyzer.Side
}

// ResourceControls is one resource instance and its controls, customer's
// first, then shared, then AWS's, each by control ID.
type ResourceControls struct {
	Address string
	Type    string
	// Location is the resource block's header.
	Location hcl.Range
	Controls []ControlStatus
}

// ControlStatus is one control of one resource as the map shows it.
type ControlStatus struct {
	ID     string
	Title  string
	Side   analyzer.Side
	Status analyzer.Status
	// Detail is the finding's message for a failed or suppressed control,
	// the unknown values for an unknown one, AWS's statement for an AWS
	// control, and empty for a pass.
	Detail string
}

// SideCounts counts the controls of one side by status.
type SideCounts map[analyzer.Status]int

// respSides is the order in which sides are shown.
var respSides = []analyzer.Side{analyzer.Customer, analyzer.Shared, analyzer.AWS}

// BuildResponsibility derives the map from a run. Every managed resource
// instance appears, with AWS's side even when no check applies to it; a data
// source appears when a check applies to it (a policy document, say). A
// finding no resource instance carries (a provider block's credentials) gets
// an entry of its own, so that the failed controls always equal the live
// findings.
func BuildResponsibility(res *analyzer.Result, opts ResponsibilityOptions) *Responsibility {
	b := newResponsibilityBuilder(opts)
	for _, r := range res.Instances() {
		if r.Mode == analyzer.Managed {
			b.resource(r)
		}
	}
	covered := map[*analyzer.Finding]bool{}
	for _, c := range res.Controls() {
		if c.Finding != nil {
			covered[c.Finding] = true
		}
		b.add(b.resource(c.Resource), checkControl(c))
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		if covered[f] {
			continue
		}
		st := analyzer.StatusFail
		if f.Suppressed != nil {
			st = analyzer.StatusSuppressed
		}
		b.add(b.pseudo(f), findingControl(f, st))
	}
	return b.finish()
}

// responsibilityBuilder gathers controls per resource.
type responsibilityBuilder struct {
	opts  ResponsibilityOptions
	show  map[analyzer.Side]bool
	byRes map[*analyzer.Resource]*ResourceControls
	byKey map[string]*ResourceControls
	all   []*ResourceControls
}

func newResponsibilityBuilder(opts ResponsibilityOptions) *responsibilityBuilder {
	b := &responsibilityBuilder{
		opts:  opts,
		show:  map[analyzer.Side]bool{},
		byRes: map[*analyzer.Resource]*ResourceControls{},
		byKey: map[string]*ResourceControls{},
	}
	sides := opts.Sides
	if len(sides) == 0 {
		sides = respSides
	}
	for _, s := range sides {
		b.show[s] = true
	}
	return b
}

// resource returns the entry of an instance, creating it with AWS's side.
func (b *responsibilityBuilder) resource(r *analyzer.Resource) *ResourceControls {
	if e := b.byRes[r]; e != nil {
		return e
	}
	e := &ResourceControls{Address: r.Address, Type: r.Type, Location: r.Body.DefRange}
	b.byRes[r] = e
	b.all = append(b.all, e)
	b.addAWS(e)
	return e
}

// pseudo returns the entry for a finding about something that is not a
// resource instance, such as `provider.aws`: one per address and file.
func (b *responsibilityBuilder) pseudo(f *analyzer.Finding) *ResourceControls {
	key := f.Resource + "\x00" + f.Range.Filename
	if e := b.byKey[key]; e != nil {
		return e
	}
	e := &ResourceControls{Address: f.Resource, Type: respTypeOfAddress(f.Resource), Location: f.Range}
	b.byKey[key] = e
	b.all = append(b.all, e)
	b.addAWS(e)
	return e
}

func (b *responsibilityBuilder) addAWS(e *ResourceControls) {
	if b.opts.AWSSide == nil {
		return
	}
	for _, a := range b.opts.AWSSide(e.Type) {
		b.add(e, ControlStatus{ID: a.ID, Title: a.Title, Side: analyzer.AWS, Status: analyzer.StatusInfo, Detail: a.Detail})
	}
}

func (b *responsibilityBuilder) add(e *ResourceControls, c ControlStatus) {
	if b.show[c.Side] {
		e.Controls = append(e.Controls, c)
	}
}

// finish drops resources left with no control by the side filter and sorts
// everything, so that output never depends on map order.
func (b *responsibilityBuilder) finish() *Responsibility {
	out := &Responsibility{Resources: []ResourceControls{}}
	for _, s := range respSides {
		if b.show[s] {
			out.Sides = append(out.Sides, s)
		}
	}
	for _, e := range b.all {
		if len(e.Controls) == 0 {
			continue
		}
		sort.SliceStable(e.Controls, func(i, j int) bool {
			a, c := e.Controls[i], e.Controls[j]
			if a.Side != c.Side {
				return respSideRank(a.Side) < respSideRank(c.Side)
			}
			return a.ID < c.ID
		})
		out.Resources = append(out.Resources, *e)
	}
	sort.SliceStable(out.Resources, func(i, j int) bool {
		a, c := out.Resources[i], out.Resources[j]
		if a.Address != c.Address {
			return a.Address < c.Address
		}
		if a.Location.Filename != c.Location.Filename {
			return a.Location.Filename < c.Location.Filename
		}
		return a.Location.Start.Line < c.Location.Start.Line
	})
	return out
}

func respSideRank(s analyzer.Side) int {
	for i, x := range respSides {
		if x == s {
			return i
		}
	}
	return len(respSides)
}

// checkControl turns a derived control into a row of the map.
func checkControl(c analyzer.Control) ControlStatus {
	if c.Finding != nil {
		return findingControl(c.Finding, c.Status)
	}
	return ControlStatus{ID: c.Check.ID, Title: c.Check.Title, Side: c.Check.Side, Status: c.Status, Detail: c.Detail}
}

// findingControl is the row of a failed or suppressed control.
func findingControl(f *analyzer.Finding, st analyzer.Status) ControlStatus {
	title, _, _ := checkText(f)
	cs := ControlStatus{ID: f.CheckID, Title: title, Side: f.Side, Status: st, Detail: f.Message}
	if s := f.Suppressed; s != nil && st == analyzer.StatusSuppressed {
		cs.Detail += " (suppressed " + s.Kind
		if s.Reason != "" {
			cs.Detail += ": " + s.Reason
		}
		if s.Expires != "" {
			cs.Detail += ", until " + s.Expires
		}
		cs.Detail += ")"
	}
	return cs
}

// respTypeOfAddress names the type of something a finding is about that is not
// a resource instance: `module.a.provider.aws.west` is a provider.aws,
// `terraform.backend.s3` a terraform.backend.s3; a resource address gives
// its resource type.
func respTypeOfAddress(addr string) string {
	parts := respSplitAddress(addr)
	for len(parts) >= 2 && parts[0] == "module" {
		parts = parts[2:]
	}
	switch {
	case len(parts) >= 2 && parts[0] == "provider":
		return "provider." + parts[1]
	case len(parts) >= 3 && parts[0] == "terraform":
		return strings.Join(parts[:3], ".")
	case len(parts) >= 2 && parts[0] == "data":
		return parts[1]
	case len(parts) >= 1:
		return parts[0]
	}
	return addr
}

// respSplitAddress splits an address at its dots, dropping instance keys
// (`["a.b"]`, `[0]`), which may themselves hold dots.
func respSplitAddress(addr string) []string {
	var parts []string
	var cur strings.Builder
	depth, inQuote := 0, false
	for i := 0; i < len(addr); i++ {
		ch := addr[i]
		switch {
		case inQuote:
			switch ch {
			case '\\':
				i++
			case '"':
				inQuote = false
			}
		case ch == '"' && depth > 0:
			inQuote = true
		case ch == '[':
			depth++
		case ch == ']':
			depth--
		case depth > 0:
		case ch == '.':
			parts = append(parts, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(ch)
		}
	}
	return append(parts, cur.String())
}

// Summary counts the controls shown by side and status.
func (r *Responsibility) Summary() map[analyzer.Side]SideCounts {
	out := map[analyzer.Side]SideCounts{}
	for _, s := range respSides {
		out[s] = SideCounts{}
	}
	for _, res := range r.Resources {
		for _, c := range res.Controls {
			if out[c.Side] == nil {
				out[c.Side] = SideCounts{}
			}
			out[c.Side][c.Status]++
		}
	}
	return out
}

// respCheckStatuses are the statuses a check's control can have, in the order
// summaries print them.
var respCheckStatuses = []analyzer.Status{analyzer.StatusPass, analyzer.StatusFail, analyzer.StatusUnknown, analyzer.StatusSuppressed}

// ResponsibilityPrinter writes the responsibility map in one format.
type ResponsibilityPrinter interface {
	WriteResponsibility(w io.Writer, r *Responsibility) error
}

// ResponsibilityFormats lists the formats of `onus responsibility`.
func ResponsibilityFormats() []string { return []string{"text", "json", "markdown"} }

// NewResponsibility returns the printer of the responsibility map for a
// format name.
func NewResponsibility(format string, opts Options) (ResponsibilityPrinter, error) {
	switch format {
	case "text":
		return &ResponsibilityText{Color: opts.Color}, nil
	case "json":
		return &ResponsibilityJSON{}, nil
	case "markdown":
		return &ResponsibilityMarkdown{}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(ResponsibilityFormats(), ", "))
}

// respLocation renders a location for JSON.
func respLocation(r hcl.Range) jsonLocation {
	return jsonLocation{
		File:        filepath.ToSlash(r.Filename),
		StartLine:   r.Start.Line,
		StartColumn: r.Start.Column,
		EndLine:     r.End.Line,
		EndColumn:   r.End.Column,
	}
}
