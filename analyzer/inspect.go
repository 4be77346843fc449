package analyzer

import (
	"crypto/sha1" //nolint:gosec // the AWS provider's digest of user data
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Instance is one resource or data source instance as onus evaluated it, in
// the shape Terraform gives it in a plan (`terraform show -json`), so that
// the two can be compared: Values has the shape of
// planned_values…resources[].values and Unknown that of
// resource_changes[].change.after_unknown.
//
// Values holds only what onus knows: an argument the configuration does not
// set (or sets to null) is absent, where Terraform would show the provider's
// default or null, and so is every attribute only the provider computes.
type Instance struct {
	// Address is Terraform's address of the instance, e.g.
	// `module.net.aws_security_group.web["a"]`.
	Address string `json:"address"`
	// Mode is "managed" or "data".
	Mode Mode   `json:"mode"`
	Type string `json:"type"`
	Name string `json:"name"`
	// Index is the instance key: a number for count, a string for
	// for_each, absent for a single instance.
	Index any `json:"index,omitempty"`
	// Module is the module instance address, "" in the root module.
	Module string `json:"module,omitempty"`
	// Root is the root module directory the instance was evaluated under.
	Root string `json:"root"`
	// KeyUnknown is set when count or for_each could not be evaluated: the
	// instance stands for an unknown number of instances.
	KeyUnknown bool `json:"key_unknown,omitempty"`
	// Location is the resource block's header.
	Location Location `json:"location"`
	// Values holds the known arguments by name and nested blocks as lists of
	// objects (an object for a block the provider nests singly); a list
	// element onus cannot know is null, an object attribute it cannot know
	// is left out — as Terraform writes planned values.
	Values map[string]any `json:"values"`
	// Unknown is true at every argument onus cannot know, with the nesting
	// of Values, as Terraform writes after_unknown.
	Unknown map[string]any `json:"unknown"`
}

// Location is a range in a file: lines and columns count from 1 and the end
// column is exclusive, as in hcl.Range.
type Location struct {
	File        string `json:"file"`
	StartLine   int    `json:"start_line"`
	StartColumn int    `json:"start_column"`
	EndLine     int    `json:"end_line"`
	EndColumn   int    `json:"end_column"`
}

// LocationOf converts an hcl.Range.
func LocationOf(r hcl.Range) Location {
	return Location{File: r.Filename, StartLine: r.Start.Line, StartColumn: r.Start.Column, EndLine: r.End.Line, EndColumn: r.End.Column}
}

// Inspect lists every resource and data source instance of the
// configurations, in root order and then address order.
func Inspect(cfgs []*Config) []Instance {
	var out []Instance
	for _, c := range cfgs {
		var list []Instance
		for _, m := range c.Modules {
			for _, r := range m.Resources {
				in := InspectResource(r)
				in.Root = c.Root.Dir
				list = append(list, in)
			}
		}
		sort.SliceStable(list, func(i, j int) bool { return lessAddress(list[i].Address, list[j].Address) })
		out = append(out, list...)
	}
	return out
}

// lessAddress orders addresses as Terraform lists them: by module path,
// then resource, with numeric instance keys in numeric order.
func lessAddress(a, b string) bool {
	ka, kb := addressSortKey(a), addressSortKey(b)
	if ka != kb {
		return ka < kb
	}
	return a < b
}

// addressSortKey pads numeric instance keys so that [10] sorts after [9].
func addressSortKey(addr string) string {
	var b strings.Builder
	for i := 0; i < len(addr); i++ {
		if addr[i] == '[' && i+1 < len(addr) && addr[i+1] >= '0' && addr[i+1] <= '9' {
			j := i + 1
			for j < len(addr) && addr[j] >= '0' && addr[j] <= '9' {
				j++
			}
			fmt.Fprintf(&b, "[%020s", addr[i+1:j])
			i = j - 1
			continue
		}
		b.WriteByte(addr[i])
	}
	return b.String()
}

// InspectResource describes one instance.
func InspectResource(r *Resource) Instance {
	in := Instance{
		Address:    r.Address,
		Mode:       r.Mode,
		Type:       r.Type,
		Name:       r.Name,
		KeyUnknown: r.KeyUnknown,
		Location:   LocationOf(r.Body.DefRange),
	}
	if r.Module != nil {
		in.Module = r.Module.Path
	}
	if r.Key != cty.NilVal && r.Key.IsKnown() && !r.Key.IsNull() {
		switch r.Key.Type() {
		case cty.Number:
			n, _ := r.Key.AsBigFloat().Int64()
			in.Index = n
		case cty.String:
			in.Index = r.Key.AsString()
		}
	}
	var s *schemaBlock
	if useProviderSchema {
		s = schemaFor(r.Mode, r.Type)
	}
	in.Values, in.Unknown = blockValues(s, r.Body)
	if useProviderSchema && r.Mode == Managed {
		if fn := plannedForm[r.Type]; fn != nil {
			fn(in.Values, in.Unknown)
		}
	}
	return in
}

// plannedForm rewrites, per resource type, the values of an instance into
// the form the AWS provider gives them in a plan, where that form is not
// the configured value and checks must still read the configured one
// (they look for secrets in user data, for a bucket in disabled access
// logs). Observed with terraform plan and the AWS provider 5.100.0
// (2026-12-02, by the oracle test), and matching the provider's source.
var plannedForm = map[string]func(values, unknown map[string]any){
	// Up to provider 5.x, user_data is planned as the SHA-1 of its text
	// (of the decoded text when it is base64): userDataHashSum. Version 6
	// keeps the text.
	"aws_instance": func(values, _ map[string]any) {
		if s, ok := values["user_data"].(string); ok {
			data := []byte(s)
			if dec, err := base64.StdEncoding.DecodeString(s); err == nil {
				data = dec
			}
			sum := sha1.Sum(data) //nolint:gosec // the provider's own digest of user data, not a security control
			values["user_data"] = hex.EncodeToString(sum[:])
		}
	},
	// The provider round-trips container definitions through the ECS API's
	// types: environment variables sorted by name, null members dropped.
	"aws_ecs_task_definition": func(values, _ map[string]any) {
		if s, ok := values["container_definitions"].(string); ok {
			values["container_definitions"] = normalizedContainerDefinitions(s)
		}
	},
	// Access logs that are not enabled are planned without their bucket
	// and prefix (the provider suppresses them): onus does not claim them.
	"aws_lb":  dropDisabledAccessLogs,
	"aws_alb": dropDisabledAccessLogs,
}

func dropDisabledAccessLogs(values, _ map[string]any) {
	logs, _ := values["access_logs"].([]any)
	for _, l := range logs {
		m, ok := l.(map[string]any)
		if !ok || m["enabled"] == true {
			continue
		}
		delete(m, "bucket")
		delete(m, "prefix")
	}
}

// normalizedContainerDefinitions sorts the environment of each container by
// name and drops null members, as the provider stores the document; text
// that is not a JSON list of containers is returned as it is.
func normalizedContainerDefinitions(s string) string {
	var defs []map[string]any
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	if dec.Decode(&defs) != nil {
		return s
	}
	for _, d := range defs {
		for k, v := range d {
			if v == nil {
				delete(d, k)
			}
		}
		if env, ok := d["environment"].([]any); ok {
			sort.SliceStable(env, func(i, j int) bool {
				a, _ := env[i].(map[string]any)
				b, _ := env[j].(map[string]any)
				an, _ := a["name"].(string)
				bn, _ := b["name"].(string)
				return an < bn
			})
		}
	}
	out, err := json.Marshal(defs)
	if err != nil {
		return s
	}
	return string(out)
}

// objectSchema describes an object type as a block, for an attribute that
// the configuration writes in block syntax (ingress of aws_security_group).
func objectSchema(t cty.Type) *schemaBlock {
	if !t.IsObjectType() {
		return nil
	}
	s := &schemaBlock{Attributes: map[string]*schemaAttribute{}}
	for name, at := range t.AttributeTypes() {
		s.Attributes[name] = &schemaAttribute{typ: at}
	}
	return s
}

// blockValues renders a block in plan shape. s, the provider schema of the
// block, may be nil; it decides whether a nested block is one object or a
// list of them.
func blockValues(s *schemaBlock, b *Block) (values, unknown map[string]any) {
	values, unknown = map[string]any{}, map[string]any{}
	if b == nil {
		return values, unknown
	}
	for _, name := range sortedKeys(b.Attributes) {
		a := b.Attributes[name]
		if a.Value.IsNull() {
			// null is "not set": the provider's default applies, which
			// onus does not claim to know.
			continue
		}
		ty := cty.DynamicPseudoType
		if s != nil && s.Attributes[name] != nil {
			ty = s.Attributes[name].typ
		}
		v, u := typedPlanValue(a.Value, ty)
		if v != omitted {
			values[name] = v
		}
		if u != nil && u != false {
			unknown[name] = u
		}
	}
	type group struct {
		blocks  []*Block
		unknown bool
	}
	groups := map[string]*group{}
	var order []string
	for _, nb := range b.Blocks {
		g := groups[nb.Type]
		if g == nil {
			g = &group{}
			groups[nb.Type] = g
			order = append(order, nb.Type)
		}
		if nb.Unknown {
			g.unknown = true
		}
		g.blocks = append(g.blocks, nb)
	}
	for _, name := range order {
		g := groups[name]
		if _, clash := b.Attributes[name]; clash {
			continue
		}
		ns := s.nested(name)
		var inner *schemaBlock
		if ns != nil {
			inner = ns.Block
		} else if s != nil && s.Attributes[name] != nil && objectSequence(s.Attributes[name].typ) {
			inner = objectSchema(s.Attributes[name].typ.ElementType())
		}
		if g.unknown {
			// A dynamic block over an unknown collection: how many blocks
			// there are, and what is in them, is unknown.
			unknown[name] = true
			continue
		}
		single := ns != nil && (ns.Nesting == "single" || ns.Nesting == "group")
		if single {
			v, u := blockValues(inner, g.blocks[len(g.blocks)-1])
			values[name] = v
			if len(u) > 0 {
				unknown[name] = u
			}
			continue
		}
		vs := make([]any, len(g.blocks))
		us := make([]any, len(g.blocks))
		for i, nb := range g.blocks {
			vs[i], us[i] = blockValues(inner, nb)
		}
		values[name] = vs
		unknown[name] = us
	}
	return values, unknown
}

// typedPlanValue is planValue for a value of a known schema type: a set
// with an unknown element is unknown as a whole, as Terraform plans it (the
// set's members cannot be told apart until apply).
func typedPlanValue(v cty.Value, ty cty.Type) (value, unknown any) {
	v, _ = v.UnmarkDeep()
	switch {
	case ty == cty.DynamicPseudoType || !v.IsKnown() || v.IsNull():
		return planValue(v)
	case ty.IsSetType() || ty.IsMapType():
		// The provider's older resources plan a map with an unknown
		// element as unknown as a whole, too.
		if !v.IsWhollyKnown() {
			return omitted, true
		}
		return planValue(v)
	case ty.IsListType() && v.CanIterateElements():
		return collectionPlanValue(v, func(string) cty.Type { return ty.ElementType() })
	case ty.IsObjectType() && v.CanIterateElements():
		return collectionPlanValue(v, func(k string) cty.Type {
			if ty.HasAttribute(k) {
				return ty.AttributeType(k)
			}
			return cty.DynamicPseudoType
		})
	}
	return planValue(v)
}

// collectionPlanValue renders a sequence or object element by element,
// each with its own type.
func collectionPlanValue(v cty.Value, elem func(key string) cty.Type) (value, unknown any) {
	t := v.Type()
	if t.IsListType() || t.IsSetType() || t.IsTupleType() {
		vals, unks := []any{}, []any{}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			ev, eu := typedPlanValue(e, elem(""))
			if ev == omitted {
				ev = nil
			}
			vals = append(vals, ev)
			unks = append(unks, eu)
		}
		return vals, unks
	}
	if !(t.IsMapType() || t.IsObjectType()) {
		return planValue(v)
	}
	vals, unks := map[string]any{}, map[string]any{}
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		ev, eu := typedPlanValue(e, elem(k.AsString()))
		if ev != omitted {
			vals[k.AsString()] = ev
		}
		if eu != false {
			unks[k.AsString()] = eu
		}
	}
	return vals, unks
}

// omitted marks a value that Terraform leaves out of planned values: an
// unknown attribute of an object.
var omitted = &struct{}{}

// planValue renders a cty value the way Terraform's plan JSON writes it:
// the value with unknowns left out of objects and null in sequences, and the
// matching after_unknown structure (true where unknown; false, or a
// structure of falses, where known).
func planValue(v cty.Value) (value, unknown any) {
	v, _ = v.UnmarkDeep()
	if !v.IsKnown() {
		return omitted, true
	}
	if v.IsNull() {
		return nil, false
	}
	t := v.Type()
	switch {
	case t == cty.String:
		return v.AsString(), false
	case t == cty.Number:
		return json.Number(v.AsBigFloat().Text('f', -1)), false
	case t == cty.Bool:
		return v.True(), false
	case t.IsListType() || t.IsSetType() || t.IsTupleType():
		vals := []any{}
		unks := []any{}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			ev, eu := planValue(e)
			if ev == omitted {
				ev = nil
			}
			vals = append(vals, ev)
			unks = append(unks, eu)
		}
		return vals, unks
	case t.IsMapType() || t.IsObjectType():
		vals := map[string]any{}
		unks := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			ev, eu := planValue(e)
			if ev != omitted {
				vals[k.AsString()] = ev
			}
			if eu != false {
				unks[k.AsString()] = eu
			}
		}
		return vals, unks
	}
	return omitted, true
}

// LoadDiagnostics returns the problems found while reading the files
// (unparsable HCL, unreadable paths), before any evaluation.
func (p *Project) LoadDiagnostics() hcl.Diagnostics {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append(hcl.Diagnostics(nil), p.diags...)
}
