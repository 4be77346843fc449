package analyzer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// The comparison of onus's evaluation (Instance) with Terraform's plan of
// the same tree (PlanInstance). Terraform is the reference: every
// disagreement is a finding against onus.

// Kinds of disagreement. The first three are evaluator bugs; a gap is a
// value Terraform knows and onus does not, which is allowed when onus can
// say why.
const (
	kindOnlyOnus      = "address only in onus"
	kindOnlyTerraform = "address only in terraform"
	kindValue         = "known value differs"
	kindKnownUnknown  = "onus knows what terraform does not"
	kindExpansion     = "count/for_each unknown to onus"
	kindGap           = "terraform knows what onus does not"
)

// oracleDiff is one disagreement.
type oracleDiff struct {
	Tree    string
	Address string
	Path    string
	Kind    string
	Onus    string
	TF      string
	Reason  string
}

func (d oracleDiff) String() string {
	s := fmt.Sprintf("%s: %s %s: %s", d.Tree, d.Address, d.Path, d.Kind)
	if d.Onus != "" || d.TF != "" {
		s += fmt.Sprintf(" (onus %s, terraform %s)", d.Onus, d.TF)
	}
	if d.Reason != "" {
		s += " — " + d.Reason
	}
	return s
}

// isBug reports whether a disagreement is an evaluator bug rather than an
// accepted gap.
func (d oracleDiff) isBug() bool { return d.Kind != kindGap }

// compareInstances compares onus's instances of one root with Terraform's.
// Data source addresses are not required to agree (Terraform may read a
// data source during the plan or defer it), but their values are compared
// where both have the instance.
func compareInstances(tree string, onus []Instance, tf []PlanInstance) []oracleDiff {
	var diffs []oracleDiff
	tfBy := map[string]*PlanInstance{}
	for i := range tf {
		tfBy[tf[i].Address] = &tf[i]
	}
	onusBy := map[string]*Instance{}
	expanded := map[string]bool{}
	for i := range onus {
		in := &onus[i]
		onusBy[in.Address] = in
		if in.KeyUnknown {
			expanded[in.Address] = true
		}
	}
	for i := range onus {
		in := &onus[i]
		t := tfBy[in.Address]
		if in.KeyUnknown {
			if in.Mode == Managed {
				n := 0
				for a, x := range tfBy {
					if x.Mode == Managed && baseAddress(a) == in.Address && a != in.Address {
						n++
					}
				}
				diffs = append(diffs, oracleDiff{Tree: tree, Address: in.Address, Kind: kindExpansion, TF: fmt.Sprintf("%d instances", n)})
			}
			continue
		}
		if t == nil {
			if in.Mode == Managed && !underUnknownExpansion(in.Address, expanded) {
				diffs = append(diffs, oracleDiff{Tree: tree, Address: in.Address, Kind: kindOnlyOnus})
			}
			continue
		}
		c := &comparer{tree: tree, addr: in.Address}
		c.block("", schemaFor(in.Mode, in.Type), in.Values, in.Unknown, t.Values, t.Unknown)
		diffs = append(diffs, c.diffs...)
	}
	for _, t := range tf {
		if t.Mode != Managed || onusBy[t.Address] != nil {
			continue
		}
		if expanded[baseAddress(t.Address)] || underUnknownExpansion(t.Address, expanded) {
			continue
		}
		diffs = append(diffs, oracleDiff{Tree: tree, Address: t.Address, Kind: kindOnlyTerraform})
	}
	sort.SliceStable(diffs, func(i, j int) bool {
		if diffs[i].Address != diffs[j].Address {
			return diffs[i].Address < diffs[j].Address
		}
		return diffs[i].Path < diffs[j].Path
	})
	return diffs
}

// baseAddress strips the instance key of the last step of an address.
func baseAddress(addr string) string {
	if !strings.HasSuffix(addr, "]") {
		return addr
	}
	inQuote := false
	for i := len(addr) - 2; i >= 0; i-- {
		switch addr[i] {
		case '"':
			if i == 0 || addr[i-1] != '\\' {
				inQuote = !inQuote
			}
		case '[':
			if !inQuote {
				return addr[:i]
			}
		}
	}
	return addr
}

// underUnknownExpansion reports whether an address lies in a module whose
// instances onus could not enumerate: onus evaluates such a module once,
// under its address without a key.
func underUnknownExpansion(addr string, expanded map[string]bool) bool {
	for a := range expanded {
		if strings.HasPrefix(a, "module.") && strings.HasPrefix(addr, a) {
			return true
		}
	}
	return false
}

type comparer struct {
	tree  string
	addr  string
	diffs []oracleDiff
}

func (c *comparer) add(path, kind string, onus, tf any) {
	c.diffs = append(c.diffs, oracleDiff{Tree: c.tree, Address: c.addr, Path: path, Kind: kind, Onus: show(onus), TF: show(tf)})
}

func show(v any) string {
	if v == nil {
		return "null"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	s := string(b)
	if len(s) > 120 {
		s = s[:117] + "..."
	}
	return s
}

// block compares a resource body or nested block. s may be nil (a type the
// provider schema does not know).
func (c *comparer) block(path string, s *schemaBlock, ov, ou, tv, tu map[string]any) {
	names := map[string]bool{}
	for k := range ov {
		names[k] = true
	}
	for k := range ou {
		names[k] = true
	}
	for _, name := range sortedKeys(names) {
		p := joinPath(path, name)
		tvv, tfHas := tv[name]
		if !tfHas && tu[name] == nil {
			// Terraform's values always hold every attribute of the
			// schema; an absent one is not of this type at all.
			if ovv, ok := ov[name]; ok {
				c.add(p, kindValue, ovv, "(no such attribute)")
			}
			continue
		}
		ty := cty.DynamicPseudoType
		var ns *schemaNested
		if s != nil {
			if a := s.Attributes[name]; a != nil {
				ty = a.typ
			}
			ns = s.Blocks[name]
		}
		if ns != nil {
			c.nested(p, ns, ov[name], ou[name], tvv, tu[name])
			continue
		}
		c.value(p, ty, ov[name], ou[name], tvv, tu[name])
	}
}

// nested compares the blocks of one nested block type.
func (c *comparer) nested(path string, ns *schemaNested, ov, ou, tv, tu any) {
	if ou == true {
		c.gap(path, tv, tu)
		return
	}
	if tu == true {
		if hasKnownLeaf(ov, ou) {
			c.add(path, kindKnownUnknown, ov, "(unknown)")
		}
		return
	}
	switch ns.Nesting {
	case "single", "group":
		om, _ := ov.(map[string]any)
		oum, _ := ou.(map[string]any)
		tm, ok := tv.(map[string]any)
		if !ok {
			if len(om) > 0 {
				c.add(path, kindValue, ov, tv)
			}
			return
		}
		tum, _ := tu.(map[string]any)
		c.block(path, ns.Block, om, oum, tm, tum)
		return
	}
	ol, _ := ov.([]any)
	oul, _ := ou.([]any)
	tl, ok := tv.([]any)
	if !ok {
		if len(ol) > 0 {
			c.add(path, kindValue, fmt.Sprintf("%d blocks", len(ol)), tv)
		}
		return
	}
	tul, _ := tu.([]any)
	if len(ol) != len(tl) {
		c.add(path, kindValue, fmt.Sprintf("%d blocks", len(ol)), fmt.Sprintf("%d blocks", len(tl)))
		return
	}
	if ns.Nesting == "set" {
		c.unordered(path, len(ol), len(tl), func(sub *comparer, i, j int) {
			sub.block(fmt.Sprintf("%s[%d]", path, i), ns.Block, asMap(ol[i]), asMap(index(oul, i)), asMap(tl[j]), asMap(index(tul, j)))
		})
		return
	}
	for i := range ol {
		c.block(fmt.Sprintf("%s[%d]", path, i), ns.Block, asMap(ol[i]), asMap(index(oul, i)), asMap(tl[i]), asMap(index(tul, i)))
	}
}

// value compares an attribute value of type ty.
func (c *comparer) value(path string, ty cty.Type, ov, ou, tv, tu any) {
	if ou == true {
		c.gap(path, tv, tu)
		return
	}
	if ov == nil && ou == nil {
		// onus has nothing here (an unknown element of a list is null with
		// unknown true, handled above).
		if tu == true {
			return
		}
		if tv != nil {
			c.add(path, kindValue, nil, tv)
		}
		return
	}
	if tu == true {
		if hasKnownLeaf(ov, ou) {
			c.add(path, kindKnownUnknown, ov, "(unknown)")
		}
		return
	}
	if isEmptyCollection(ov) && tv == nil {
		// The AWS provider's older resources plan an empty list or set
		// as null; both mean "none".
		return
	}
	switch o := ov.(type) {
	case []any:
		tl, ok := tv.([]any)
		if !ok {
			c.add(path, kindValue, ov, tv)
			return
		}
		oul, _ := ou.([]any)
		tul, _ := tu.([]any)
		elem := cty.DynamicPseudoType
		if ty.IsListType() || ty.IsSetType() || ty.IsMapType() {
			elem = ty.ElementType()
		}
		if ty.IsSetType() {
			o, oul = dedupeSet(o, oul)
			if len(o) != len(tl) && allKnown(oul) {
				c.add(path, kindValue, ov, tv)
				return
			}
			c.unordered(path, len(o), len(tl), func(sub *comparer, i, j int) {
				sub.value(fmt.Sprintf("%s[%d]", path, i), elem, o[i], index(oul, i), tl[j], index(tul, j))
			})
			return
		}
		if len(o) != len(tl) {
			c.add(path, kindValue, ov, tv)
			return
		}
		for i := range o {
			et := elem
			if ty.IsTupleType() && i < len(ty.TupleElementTypes()) {
				et = ty.TupleElementTypes()[i]
			}
			c.value(fmt.Sprintf("%s[%d]", path, i), et, o[i], index(oul, i), tl[i], index(tul, i))
		}
	case map[string]any:
		tm, ok := tv.(map[string]any)
		if !ok {
			c.add(path, kindValue, ov, tv)
			return
		}
		oum, _ := ou.(map[string]any)
		tum, _ := tu.(map[string]any)
		keys := map[string]bool{}
		for k := range o {
			keys[k] = true
		}
		for k := range oum {
			keys[k] = true
		}
		for _, k := range sortedKeys(keys) {
			et := cty.DynamicPseudoType
			switch {
			case ty.IsMapType():
				et = ty.ElementType()
			case ty.IsObjectType() && ty.HasAttribute(k):
				et = ty.AttributeType(k)
			}
			if _, has := tm[k]; !has && tum[k] == nil {
				if ov, ok := o[k]; ok && ov != nil {
					c.add(path+"."+k, kindValue, ov, "(absent)")
				}
				continue
			}
			c.value(path+"."+k, et, o[k], oum[k], tm[k], tum[k])
		}
	default:
		if !equalLeaf(ov, tv) {
			c.add(path, kindValue, ov, tv)
		}
	}
}

// gap records a value onus does not know; it is a gap only when Terraform
// knows it.
func (c *comparer) gap(path string, tv, tu any) {
	if tu == true || containsUnknown(tu) || tv == nil {
		return
	}
	c.add(path, kindGap, "(unknown)", tv)
}

// unordered pairs the elements of two sets: every onus element must equal
// a distinct Terraform element in what onus knows of it.
func (c *comparer) unordered(path string, n, m int, cmpElem func(sub *comparer, i, j int)) {
	used := make([]bool, m)
	for i := 0; i < n; i++ {
		matched := false
		var bestGaps []oracleDiff
		for j := 0; j < m && !matched; j++ {
			if used[j] {
				continue
			}
			sub := &comparer{tree: c.tree, addr: c.addr}
			cmpElem(sub, i, j)
			bugs := false
			for _, d := range sub.diffs {
				if d.isBug() {
					bugs = true
					break
				}
			}
			if !bugs {
				used[j], matched = true, true
				bestGaps = sub.diffs
			}
		}
		if !matched {
			c.add(fmt.Sprintf("%s[%d]", path, i), kindValue, "(set element)", "(no equal element in terraform's set)")
			continue
		}
		c.diffs = append(c.diffs, bestGaps...)
	}
}

func dedupeSet(vals, unks []any) ([]any, []any) {
	var ov, ou []any
	seen := map[string]bool{}
	for i, v := range vals {
		u := index(unks, i)
		if u == nil || u == false {
			b, _ := json.Marshal(v)
			if seen[string(b)] {
				continue
			}
			seen[string(b)] = true
		}
		ov = append(ov, v)
		ou = append(ou, u)
	}
	return ov, ou
}

// hasKnownLeaf reports whether onus knows any leaf of a value: a
// primitive not marked unknown, somewhere in it.
func hasKnownLeaf(v, u any) bool {
	if u == true {
		return false
	}
	switch x := v.(type) {
	case []any:
		ul, _ := u.([]any)
		for i, e := range x {
			if hasKnownLeaf(e, index(ul, i)) {
				return true
			}
		}
		return false
	case map[string]any:
		um, _ := u.(map[string]any)
		for k, e := range x {
			if hasKnownLeaf(e, um[k]) {
				return true
			}
		}
		return false
	case nil:
		return false
	}
	return true
}

func isEmptyCollection(v any) bool {
	switch x := v.(type) {
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

func allKnown(unks []any) bool {
	for _, u := range unks {
		if containsUnknown(u) {
			return false
		}
	}
	return true
}

func containsUnknown(u any) bool {
	switch x := u.(type) {
	case bool:
		return x
	case []any:
		for _, e := range x {
			if containsUnknown(e) {
				return true
			}
		}
	case map[string]any:
		for _, e := range x {
			if containsUnknown(e) {
				return true
			}
		}
	}
	return false
}

func index(l []any, i int) any {
	if i < len(l) {
		return l[i]
	}
	return nil
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// equalLeaf compares primitive values: numbers by value, strings holding
// JSON objects or arrays (policies) as JSON.
func equalLeaf(a, b any) bool {
	if na, ok := number(a); ok {
		nb, ok := number(b)
		return ok && na.Cmp(nb) == 0
	}
	sa, ok1 := a.(string)
	sb, ok2 := b.(string)
	if ok1 && ok2 {
		if sa == sb {
			return true
		}
		ja, oka := jsonValue(sa)
		jb, okb := jsonValue(sb)
		return oka && okb && reflect.DeepEqual(ja, jb)
	}
	return reflect.DeepEqual(a, b)
}

func number(v any) (*big.Float, bool) {
	var s string
	switch x := v.(type) {
	case json.Number:
		s = x.String()
	case float64:
		return big.NewFloat(x), true
	case int64:
		return new(big.Float).SetInt64(x), true
	case int:
		return new(big.Float).SetInt64(int64(x)), true
	default:
		return nil, false
	}
	f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
	return f, err == nil
}

func jsonValue(s string) (any, bool) {
	t := strings.TrimSpace(s)
	if t == "" || (t[0] != '{' && t[0] != '[') {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(t)))
	var v any
	if dec.Decode(&v) != nil {
		return nil, false
	}
	return v, true
}

// TestCompareInstances checks the comparer on small hand-written cases:
// sets without order, policies as JSON, unknowns both ways.
func TestCompareInstances(t *testing.T) {
	num := func(s string) json.Number { return json.Number(s) }
	tests := []struct {
		name  string
		onus  Instance
		tf    PlanInstance
		kinds []string
	}{
		{
			name:  "equal",
			onus:  Instance{Address: "aws_s3_bucket.b", Mode: Managed, Type: "aws_s3_bucket", Values: map[string]any{"bucket": "x", "force_destroy": true}, Unknown: map[string]any{}},
			tf:    PlanInstance{Address: "aws_s3_bucket.b", Mode: Managed, Type: "aws_s3_bucket", Values: map[string]any{"bucket": "x", "force_destroy": true, "acl": nil}, Unknown: map[string]any{"id": true}},
			kinds: nil,
		},
		{
			name:  "value differs",
			onus:  Instance{Address: "aws_s3_bucket.b", Mode: Managed, Type: "aws_s3_bucket", Values: map[string]any{"bucket": "x"}, Unknown: map[string]any{}},
			tf:    PlanInstance{Address: "aws_s3_bucket.b", Mode: Managed, Type: "aws_s3_bucket", Values: map[string]any{"bucket": "y"}, Unknown: map[string]any{}},
			kinds: []string{kindValue},
		},
		{
			name:  "onus knows what terraform does not",
			onus:  Instance{Address: "aws_s3_bucket.b", Mode: Managed, Type: "aws_s3_bucket", Values: map[string]any{"bucket": "x"}, Unknown: map[string]any{}},
			tf:    PlanInstance{Address: "aws_s3_bucket.b", Mode: Managed, Type: "aws_s3_bucket", Values: map[string]any{}, Unknown: map[string]any{"bucket": true}},
			kinds: []string{kindKnownUnknown},
		},
		{
			name:  "gap",
			onus:  Instance{Address: "aws_s3_bucket.b", Mode: Managed, Type: "aws_s3_bucket", Values: map[string]any{}, Unknown: map[string]any{"bucket": true}},
			tf:    PlanInstance{Address: "aws_s3_bucket.b", Mode: Managed, Type: "aws_s3_bucket", Values: map[string]any{"bucket": "x"}, Unknown: map[string]any{}},
			kinds: []string{kindGap},
		},
		{
			name: "policy compared as JSON",
			onus: Instance{Address: "aws_iam_policy.p", Mode: Managed, Type: "aws_iam_policy", Values: map[string]any{"policy": `{"Version": "2012-10-17", "Statement": []}`}, Unknown: map[string]any{}},
			tf:   PlanInstance{Address: "aws_iam_policy.p", Mode: Managed, Type: "aws_iam_policy", Values: map[string]any{"policy": `{"Statement":[],"Version":"2012-10-17"}`}, Unknown: map[string]any{}},
		},
		{
			name: "set blocks without order",
			onus: Instance{Address: "aws_security_group.s", Mode: Managed, Type: "aws_security_group", Values: map[string]any{"ingress": []any{
				map[string]any{"from_port": num("22"), "cidr_blocks": []any{"10.0.0.0/8"}},
				map[string]any{"from_port": num("443"), "cidr_blocks": []any{"0.0.0.0/0"}},
			}}, Unknown: map[string]any{"ingress": []any{map[string]any{}, map[string]any{}}}},
			tf: PlanInstance{Address: "aws_security_group.s", Mode: Managed, Type: "aws_security_group", Values: map[string]any{"ingress": []any{
				map[string]any{"from_port": num("443"), "cidr_blocks": []any{"0.0.0.0/0"}, "self": false},
				map[string]any{"from_port": num("22"), "cidr_blocks": []any{"10.0.0.0/8"}, "self": false},
			}}, Unknown: map[string]any{}},
		},
		{
			name: "set attribute without order or duplicates",
			onus: Instance{Address: "aws_instance.i", Mode: Managed, Type: "aws_instance", Values: map[string]any{"vpc_security_group_ids": []any{"b", "a", "a"}}, Unknown: map[string]any{"vpc_security_group_ids": []any{false, false, false}}},
			tf:   PlanInstance{Address: "aws_instance.i", Mode: Managed, Type: "aws_instance", Values: map[string]any{"vpc_security_group_ids": []any{"a", "b"}}, Unknown: map[string]any{}},
		},
		{
			name:  "number as number",
			onus:  Instance{Address: "aws_ebs_volume.v", Mode: Managed, Type: "aws_ebs_volume", Values: map[string]any{"size": num("100")}, Unknown: map[string]any{}},
			tf:    PlanInstance{Address: "aws_ebs_volume.v", Mode: Managed, Type: "aws_ebs_volume", Values: map[string]any{"size": num("100")}, Unknown: map[string]any{}},
			kinds: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diffs := compareInstances("t", []Instance{tt.onus}, []PlanInstance{tt.tf})
			var kinds []string
			for _, d := range diffs {
				kinds = append(kinds, d.Kind)
			}
			if !reflect.DeepEqual(kinds, tt.kinds) {
				t.Errorf("kinds = %q, want %q\n%v", kinds, tt.kinds, diffs)
			}
		})
	}
	t.Run("addresses", func(t *testing.T) {
		onus := []Instance{
			{Address: "aws_vpc.a", Mode: Managed, Type: "aws_vpc", Values: map[string]any{}, Unknown: map[string]any{}},
			{Address: "aws_vpc.b[0]", Mode: Managed, Type: "aws_vpc", Values: map[string]any{}, Unknown: map[string]any{}},
		}
		tf := []PlanInstance{
			{Address: "aws_vpc.a", Mode: Managed, Type: "aws_vpc", Values: map[string]any{}, Unknown: map[string]any{}},
			{Address: "aws_vpc.c", Mode: Managed, Type: "aws_vpc", Values: map[string]any{}, Unknown: map[string]any{}},
		}
		diffs := compareInstances("t", onus, tf)
		if len(diffs) != 2 || diffs[0].Kind != kindOnlyOnus || diffs[1].Kind != kindOnlyTerraform {
			t.Errorf("diffs = %v", diffs)
		}
	})
}
