package analyzer

import (
	"bytes"
	"compress/flate"
	_ "embed" // the provider schema table
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

//go:generate go run ../internal/schemagen -out schemadata/aws.schema

// awsSchemaData is the AWS provider's schema as data: every resource and data
// source type with its attribute types and nested blocks, generated from
// `terraform providers schema -json` (see schemadata/NOTICE.md for the
// provider version and its licence).
//
//go:embed schemadata/aws.schema
var awsSchemaData []byte

// schemaBlock is the schema of a resource body or of a nested block.
type schemaBlock struct {
	Attributes map[string]*schemaAttribute `json:"a"`
	Blocks     map[string]*schemaNested    `json:"b"`
}

// schemaAttribute is one attribute of a block.
type schemaAttribute struct {
	RawType json.RawMessage `json:"t"`
	// Computed marks an attribute only the provider sets (id, arn): the
	// configuration cannot set it, and until apply it is unknown.
	Computed bool `json:"c"`
	// OptionalComputed marks an argument the provider fills in when the
	// configuration leaves it out.
	OptionalComputed bool `json:"oc"`
	Required         bool `json:"r"`

	typ cty.Type
}

// schemaNested is a nested block type: its nesting mode ("single", "group",
// "list", "set" or "map"), item limits and content.
type schemaNested struct {
	Nesting string       `json:"m"`
	Min     int          `json:"min"`
	Max     int          `json:"max"`
	Block   *schemaBlock `json:"b"`
}

// SchemaInfo names the provider release the embedded schema was generated
// from.
type SchemaInfo struct {
	Provider  string `json:"provider"`
	Version   string `json:"version"`
	Terraform string `json:"terraform"`
	License   string `json:"license"`
}

// schemaTable holds the embedded schema: every type's entry is kept
// compressed and decoded the first time a configuration uses the type, so
// that a scan pays for the few types it meets and not for the whole
// provider (the format is described in internal/schemagen).
type schemaTable struct {
	info    SchemaInfo
	dict    []byte
	raw     map[string][]byte // compressed entries, by "r:" or "d:" + type
	mu      sync.Mutex
	decoded map[string]*schemaBlock
}

var (
	awsSchemaOnce sync.Once
	awsSchema     *schemaTable
)

// providerSchema returns the embedded AWS schema, read on first use; nil if
// the embedded data cannot be read (then values are left as configured).
func providerSchema() *schemaTable {
	awsSchemaOnce.Do(func() {
		t, err := readSchemaTable(awsSchemaData)
		if err == nil {
			awsSchema = t
		}
	})
	return awsSchema
}

// ProviderSchemaInfo returns the provider release behind the embedded
// schema, or a zero value when there is none.
func ProviderSchemaInfo() SchemaInfo {
	if t := providerSchema(); t != nil {
		return t.info
	}
	return SchemaInfo{}
}

func readSchemaTable(data []byte) (*schemaTable, error) {
	line, rest, ok := bytes.Cut(data, []byte{'\n'})
	if !ok {
		return nil, fmt.Errorf("reading the provider schema: no header")
	}
	var h struct {
		SchemaInfo
		Index      int `json:"index"`
		Dictionary int `json:"dictionary"`
	}
	if err := json.Unmarshal(line, &h); err != nil {
		return nil, fmt.Errorf("reading the provider schema header: %w", err)
	}
	if h.Index < 0 || h.Dictionary < 0 || h.Index+h.Dictionary > len(rest) {
		return nil, fmt.Errorf("reading the provider schema: truncated")
	}
	index, err := inflate(rest[:h.Index], nil)
	if err != nil {
		return nil, fmt.Errorf("reading the provider schema index: %w", err)
	}
	t := &schemaTable{info: h.SchemaInfo, dict: rest[h.Index : h.Index+h.Dictionary], raw: map[string][]byte{}, decoded: map[string]*schemaBlock{}}
	blobs := rest[h.Index+h.Dictionary:]
	off := 0
	for len(index) > 0 {
		var entry []byte
		entry, index, _ = bytes.Cut(index, []byte{'\n'})
		key, size, ok := bytes.Cut(entry, []byte{'\t'})
		n, err := strconv.Atoi(string(size))
		if !ok || err != nil || n < 0 || off+n > len(blobs) {
			return nil, fmt.Errorf("reading the provider schema: bad index entry %q", entry)
		}
		t.raw[string(key)] = blobs[off : off+n]
		off += n
	}
	return t, nil
}

// inflate decompresses raw DEFLATE data written with the preset dictionary.
func inflate(data, dict []byte) ([]byte, error) {
	r := flate.NewReaderDict(bytes.NewReader(data), dict)
	defer r.Close()
	return io.ReadAll(r)
}

// block returns the schema of a resource (Managed) or data source type, or
// nil when the provider has no such type.
func (t *schemaTable) block(mode Mode, typ string) *schemaBlock {
	if t == nil {
		return nil
	}
	key := "r:" + typ
	if mode == Data {
		key = "d:" + typ
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if b, ok := t.decoded[key]; ok {
		return b
	}
	var b *schemaBlock
	if raw, ok := t.raw[key]; ok {
		if text, err := inflate(raw, t.dict); err == nil {
			b = &schemaBlock{}
			if json.Unmarshal(text, b) != nil {
				b = nil
			} else {
				b.resolveTypes()
			}
		}
	}
	t.decoded[key] = b
	return b
}

// resolveTypes parses the attribute types once, when the type is decoded.
func (b *schemaBlock) resolveTypes() {
	for _, a := range b.Attributes {
		a.typ = cty.DynamicPseudoType
		if ty, err := ctyjson.UnmarshalType(a.RawType); err == nil {
			a.typ = ty
		}
	}
	for _, nb := range b.Blocks {
		if nb.Block == nil {
			nb.Block = &schemaBlock{}
		}
		nb.Block.resolveTypes()
	}
}

// schemaFor returns the provider schema of a type, nil for types the AWS
// provider does not have (other providers' resources).
func schemaFor(mode Mode, typ string) *schemaBlock {
	if !strings.HasPrefix(typ, "aws_") {
		return nil
	}
	return providerSchema().block(mode, typ)
}

// nestedSchema follows a block path such as ["versioning"] or
// ["rule", "apply_server_side_encryption_by_default"] from a type's schema.
func (b *schemaBlock) nested(name string) *schemaNested {
	if b == nil {
		return nil
	}
	return b.Blocks[name]
}

// normalizeBody adjusts an evaluated resource body to the provider's schema:
// it converts values the way Terraform does before checks see them ("true"
// to a bool argument, "30" to a number, 30 to a string argument), and in a
// .tf.json body it turns a property the evaluator read as an argument into
// blocks where the schema has a nested block of that name, and the reverse.
// Without a schema for the type it leaves the body as configured.
func normalizeBody(mode Mode, typ string, body *Block) {
	if !useProviderSchema {
		return
	}
	s := schemaFor(mode, typ)
	if s == nil || body == nil {
		return
	}
	normalizeBlock(s, body, isJSONBlock(body))
	if mode == Managed {
		applyRewrites(typ, body)
	}
}

// useProviderSchema turns the use of the provider schema on; the oracle
// test turns it off to measure what it changes.
var useProviderSchema = true

// providerRewrite is an argument whose value the provider rewrites while
// planning (a StateFunc in the AWS provider), before anything else sees it:
// blocks is the path of nested block types down to the argument.
type providerRewrite struct {
	blocks []string
	name   string
	fn     func(string) string
}

// providerRewrites lists, per resource type, the rewrites onus applies so
// that checks see the value Terraform plans. Each was observed with
// terraform plan and the AWS provider 5.100.0 (2026-12-02, by the oracle
// test) and matches the provider's source:
//   - load balancer listeners upper-case their protocol ("http" is planned
//     as "HTTP");
//   - security group rules store the protocol by name ("6" is "tcp") and
//     write "all" as "-1" (ProtocolForValue in the provider's EC2 service).
var providerRewrites = map[string][]providerRewrite{
	"aws_lb_listener":            {{name: "protocol", fn: strings.ToUpper}},
	"aws_alb_listener":           {{name: "protocol", fn: strings.ToUpper}},
	"aws_security_group_rule":    {{name: "protocol", fn: securityGroupProtocol}},
	"aws_security_group":         {{blocks: []string{"ingress"}, name: "protocol", fn: securityGroupProtocol}, {blocks: []string{"egress"}, name: "protocol", fn: securityGroupProtocol}},
	"aws_default_security_group": {{blocks: []string{"ingress"}, name: "protocol", fn: securityGroupProtocol}, {blocks: []string{"egress"}, name: "protocol", fn: securityGroupProtocol}},
}

// securityGroupProtocol is the provider's spelling of a security group
// rule protocol: lower case, by name for the protocols security groups
// know, "-1" for all.
func securityGroupProtocol(v string) string {
	p := strings.ToLower(v)
	switch p {
	case "-1", "all":
		return "-1"
	case "tcp", "udp", "icmp", "icmpv6":
		return p
	case "6":
		return "tcp"
	case "17":
		return "udp"
	case "1":
		return "icmp"
	case "58":
		return "icmpv6"
	}
	return p
}

// applyRewrites applies a type's provider rewrites to a body.
func applyRewrites(typ string, body *Block) {
	for _, rw := range providerRewrites[typ] {
		blocks := []*Block{body}
		for _, bt := range rw.blocks {
			var next []*Block
			for _, b := range blocks {
				next = append(next, b.BlocksOf(bt)...)
			}
			blocks = next
		}
		for _, b := range blocks {
			a := b.Attributes[rw.name]
			if a == nil || a.Value.IsNull() || !a.Value.IsKnown() || a.Value.Type() != cty.String {
				continue
			}
			a.Value = cty.StringVal(rw.fn(a.Value.AsString()))
		}
	}
}

// isJSONBlock reports whether a block was read from a .tf.json file, where
// only the schema can tell a nested block from an object argument.
func isJSONBlock(b *Block) bool {
	return strings.HasSuffix(b.DefRange.Filename, ".json")
}

func normalizeBlock(s *schemaBlock, b *Block, fromJSON bool) {
	if fromJSON {
		reshapeJSONBlock(s, b)
	}
	for name, a := range b.Attributes {
		if sa := s.Attributes[name]; sa != nil {
			a.Value = conformValue(a.Value, sa.typ)
		}
	}
	for _, nb := range b.Blocks {
		if nb.Unknown {
			continue
		}
		if ns := s.Blocks[nb.Type]; ns != nil {
			normalizeBlock(ns.Block, nb, fromJSON)
			continue
		}
		// An attribute written as blocks: the provider declares `ingress`
		// of aws_security_group as a list of objects that may be written
		// in block syntax. Its fields convert like a nested block's.
		if sa := s.Attributes[nb.Type]; sa != nil && objectSequence(sa.typ) {
			conformBlockFields(nb, sa.typ.ElementType())
		}
	}
}

// objectSequence reports whether t is a list or set of objects: an
// attribute that Terraform also accepts in nested block syntax.
func objectSequence(t cty.Type) bool {
	return (t.IsListType() || t.IsSetType()) && t.ElementType().IsObjectType()
}

// conformBlockFields converts the arguments of a block written for an
// attribute of object type, and of its own nested blocks.
func conformBlockFields(b *Block, obj cty.Type) {
	for name, a := range b.Attributes {
		if obj.HasAttribute(name) {
			a.Value = conformValue(a.Value, obj.AttributeType(name))
		}
	}
	for _, nb := range b.Blocks {
		if nb.Unknown || !obj.HasAttribute(nb.Type) {
			continue
		}
		if t := obj.AttributeType(nb.Type); objectSequence(t) {
			conformBlockFields(nb, t.ElementType())
		}
	}
}

// conformValue converts v towards the schema type t the way Terraform does
// when it decodes a configuration: primitives convert ("true" is a bool, 30
// is "30" to a string argument), and collections convert element by element.
// The kind of a collection is kept (a tuple stays a tuple, not a set), so
// that checks can still pair elements with the expressions that wrote them;
// a value that does not convert is left as it is (Terraform would reject it).
func conformValue(v cty.Value, t cty.Type) (out cty.Value) {
	defer func() {
		if recover() != nil {
			out = v
		}
	}()
	if t == cty.DynamicPseudoType || v.IsNull() {
		return v
	}
	if !v.IsKnown() {
		if t.IsPrimitiveType() && v.Type() == cty.DynamicPseudoType {
			return cty.UnknownVal(t)
		}
		return v
	}
	vt := v.Type()
	switch {
	case t.IsPrimitiveType():
		if !vt.IsPrimitiveType() || vt == t {
			return v
		}
		c, err := convert.Convert(v, t)
		if err != nil {
			return v
		}
		return c
	case t.IsListType() || t.IsSetType():
		if !(vt.IsListType() || vt.IsSetType() || vt.IsTupleType()) {
			return v
		}
		var elems []cty.Value
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			elems = append(elems, conformValue(e, t.ElementType()))
		}
		return rebuildSequence(vt, elems, v)
	case t.IsMapType():
		if !(vt.IsMapType() || vt.IsObjectType()) {
			return v
		}
		attrs := map[string]cty.Value{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			attrs[k.AsString()] = conformValue(e, t.ElementType())
		}
		if vt.IsMapType() {
			if m, ok := tryMap(attrs); ok {
				return m
			}
		}
		return cty.ObjectVal(attrs)
	case t.IsObjectType():
		if !(vt.IsMapType() || vt.IsObjectType()) {
			return v
		}
		attrs := map[string]cty.Value{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			name := k.AsString()
			if t.HasAttribute(name) {
				e = conformValue(e, t.AttributeType(name))
			}
			attrs[name] = e
		}
		return cty.ObjectVal(attrs)
	}
	return v
}

// rebuildSequence builds a sequence of the same kind as the original from
// converted elements, falling back to a tuple when the elements no longer
// share a type.
func rebuildSequence(kind cty.Type, elems []cty.Value, orig cty.Value) (out cty.Value) {
	defer func() {
		if recover() != nil {
			out = cty.TupleVal(elems)
		}
	}()
	switch {
	case len(elems) == 0:
		return orig
	case kind.IsTupleType():
		return cty.TupleVal(elems)
	case kind.IsSetType():
		return cty.SetVal(elems)
	default:
		return cty.ListVal(elems)
	}
}

func tryMap(attrs map[string]cty.Value) (out cty.Value, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	if len(attrs) == 0 {
		return cty.NilVal, false
	}
	return cty.MapVal(attrs), true
}

// reshapeJSONBlock corrects the evaluator's guess of block against argument
// in a .tf.json body. JSON has no syntax for blocks: `"versioning": {...}`
// is a nested block only because the provider's schema says so. A property
// read as an argument whose name is a nested block becomes blocks (one per
// object), and a property read as a block whose name is an argument becomes
// an argument holding the object.
func reshapeJSONBlock(s *schemaBlock, b *Block) {
	for _, name := range sortedKeys(b.Attributes) {
		ns := s.Blocks[name]
		if ns == nil || s.Attributes[name] != nil {
			continue
		}
		a := b.Attributes[name]
		blocks, ok := attributeAsBlocks(a, name, b.Path, countBlocks(b, name))
		if !ok {
			continue
		}
		delete(b.Attributes, name)
		b.Blocks = append(b.Blocks, blocks...)
	}
	var kept []*Block
	byName := map[string][]*Block{}
	var order []string
	for _, nb := range b.Blocks {
		if sa := s.Attributes[nb.Type]; s.Blocks[nb.Type] == nil && sa != nil && !objectSequence(sa.typ) && !nb.Unknown {
			if _, seen := byName[nb.Type]; !seen {
				order = append(order, nb.Type)
			}
			byName[nb.Type] = append(byName[nb.Type], nb)
			continue
		}
		kept = append(kept, nb)
	}
	if len(order) == 0 {
		return
	}
	b.Blocks = kept
	for _, name := range order {
		if _, clash := b.Attributes[name]; clash {
			continue
		}
		group := byName[name]
		vals := make([]cty.Value, len(group))
		var refs []Ref
		for i, nb := range group {
			vals[i] = blockValue(nb)
			walkAttributes(nb, func(a *Attribute) { refs = append(refs, a.Refs...) })
		}
		v := vals[0]
		rng := group[0].Range
		if len(group) > 1 {
			v = cty.TupleVal(vals)
			rng = hcl.RangeOver(group[0].Range, group[len(group)-1].Range)
		}
		b.Attributes[name] = &Attribute{Name: name, Value: v, Refs: uniqueRefs(refs), Range: rng, Path: joinPath(b.Path, name)}
	}
}

func countBlocks(b *Block, typ string) int {
	n := 0
	for _, nb := range b.Blocks {
		if nb.Type == typ {
			n++
		}
	}
	return n
}

// attributeAsBlocks turns an object (or a list of objects) argument into
// nested blocks. The argument's references are kept on every argument of
// the blocks: which element they came from is no longer known.
func attributeAsBlocks(a *Attribute, name, parentPath string, first int) ([]*Block, bool) {
	v := a.Value
	if v.IsNull() || !v.IsKnown() {
		return nil, false
	}
	var objs []cty.Value
	switch t := v.Type(); {
	case t.IsObjectType() || t.IsMapType():
		objs = []cty.Value{v}
	case t.IsListType() || t.IsTupleType() || t.IsSetType():
		objs = Elements(v)
	default:
		return nil, false
	}
	var out []*Block
	for i, o := range objs {
		if o.IsNull() || !o.IsKnown() || !(o.Type().IsObjectType() || o.Type().IsMapType()) {
			return nil, false
		}
		path := fmt.Sprintf("%s[%d]", joinPath(parentPath, name), first+i)
		nb := &Block{Type: name, Attributes: map[string]*Attribute{}, DefRange: a.Range, Range: a.Range, Path: path}
		for it := o.ElementIterator(); it.Next(); {
			k, e := it.Element()
			key := k.AsString()
			nb.Attributes[key] = &Attribute{Name: key, Value: e, Refs: a.Refs, Range: a.Range, Path: joinPath(path, key)}
		}
		out = append(out, nb)
	}
	return out, true
}

// blockValue is a block's content as an object value: its arguments, and
// its nested blocks as tuples of objects.
func blockValue(b *Block) cty.Value {
	attrs := map[string]cty.Value{}
	for name, a := range b.Attributes {
		attrs[name] = a.Value
	}
	groups := map[string][]cty.Value{}
	for _, nb := range b.Blocks {
		if nb.Unknown {
			groups[nb.Type] = append(groups[nb.Type], cty.DynamicVal)
			continue
		}
		groups[nb.Type] = append(groups[nb.Type], blockValue(nb))
	}
	for name, vals := range groups {
		if _, clash := attrs[name]; !clash {
			attrs[name] = cty.TupleVal(vals)
		}
	}
	return cty.ObjectVal(attrs)
}

func uniqueRefs(refs []Ref) []Ref {
	if len(refs) == 0 {
		return nil
	}
	seen := map[Ref]bool{}
	var out []Ref
	for _, r := range refs {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Address != out[j].Address {
			return out[i].Address < out[j].Address
		}
		return out[i].Attr < out[j].Attr
	})
	return out
}

// SchemaBlockName reports, for a .tf.json body, whether the property name
// at the given place is a nested block: typ is the resource or data source
// type, blockPath the nested block names from the resource body down to the
// body holding the property (empty for the resource body itself). known is
// false when the provider schema does not know the type or the path, and the
// caller must guess. The evaluator can ask this instead of keeping a list of
// block names.
func SchemaBlockName(mode Mode, typ string, blockPath []string, name string) (isBlock, known bool) {
	s := schemaFor(mode, typ)
	for _, p := range blockPath {
		ns := s.nested(p)
		if ns == nil {
			return false, false
		}
		s = ns.Block
	}
	if s == nil {
		return false, false
	}
	if s.Blocks[name] != nil {
		return true, true
	}
	if s.Attributes[name] != nil {
		return false, true
	}
	return false, false
}

// jsonSchemaBlock is SchemaBlockName for the .tf.json reader, with one
// difference: an attribute that is a list or set of objects (ingress of
// aws_security_group) is not answered. Terraform accepts such an attribute
// in block syntax too, and the evaluator keeps its own reading of it, as
// blocks for the few the checks read that way.
func jsonSchemaBlock(mode Mode, typ string, blockPath []string, name string) (isBlock, known bool) {
	isBlock, known = SchemaBlockName(mode, typ, blockPath, name)
	if !known || isBlock {
		return isBlock, known
	}
	s := schemaFor(mode, typ)
	for _, p := range blockPath {
		s = s.nested(p).Block
	}
	if sa := s.Attributes[name]; sa != nil && objectSequence(sa.typ) {
		return false, false
	}
	return false, true
}

// completeInstanceObject adds to the object other expressions see of a
// resource instance every attribute and nested block type that Terraform's
// own object holds but the configuration does not write, as unknown and
// marked with a Ref to the instance: attributes only the provider computes
// (id, arn, bucket_regional_domain_name), optional arguments (the provider
// may fill them in, or give them a default the schema does not record) and
// absent nested blocks (some are computed by the provider, as versioning
// of aws_s3_bucket). A reference to any of them then reads as unknown, as
// Terraform reads it until apply, and never as "no such attribute" — which
// would make try() take its fallback where Terraform does not. Reading them
// as unknown rather than null or empty keeps onus from claiming a value
// Terraform may plan differently.
func completeInstanceObject(mode Mode, typ, addr string, obj map[string]cty.Value) {
	completeObject(schemaFor(mode, typ), addr, obj)
}

func completeObject(s *schemaBlock, addr string, obj map[string]cty.Value) {
	if s == nil {
		return
	}
	for name, a := range s.Attributes {
		if _, ok := obj[name]; !ok {
			obj[name] = cty.UnknownVal(a.typ).Mark(Ref{Address: addr, Attr: name})
		}
	}
	for name := range s.Blocks {
		if _, ok := obj[name]; !ok {
			obj[name] = cty.DynamicVal.Mark(Ref{Address: addr, Attr: name})
		}
	}
}

// SchemaDiagnostics warns about arguments and nested blocks that the AWS
// provider does not have, on the resource and data source types the given
// checks read. Terraform rejects such a configuration, and onus reads the
// misspelt setting as not set: `enable_key_rotaton = true` leaves a key
// without rotation as far as any check can tell. Each warning points at the
// argument or block and names the closest valid name. One warning is given
// per source location, however many instances share it.
func SchemaDiagnostics(cfgs []*Config, checks []*Check) hcl.Diagnostics {
	types := map[string]bool{}
	for _, c := range checks {
		for _, t := range c.Resources {
			types[t] = true
		}
	}
	var diags hcl.Diagnostics
	seen := map[string]bool{}
	for _, cfg := range cfgs {
		for _, m := range cfg.Modules {
			for _, r := range m.Resources {
				if !types[r.Type] {
					continue
				}
				s := schemaFor(r.Mode, r.Type)
				if s == nil {
					continue
				}
				diags = append(diags, unknownNames(r, s, r.Body, seen)...)
			}
		}
	}
	return diags
}

func unknownNames(r *Resource, s *schemaBlock, b *Block, seen map[string]bool) hcl.Diagnostics {
	var diags hcl.Diagnostics
	what := r.Type
	if r.Mode == Data {
		what = "data source " + r.Type
	}
	if b.Path != "" {
		what += " block " + blockIndexRE.ReplaceAllString(b.Path, "")
	}
	report := func(rng hcl.Range, name, kind string, candidates []string) {
		key := fmt.Sprintf("%s:%d:%d:%s", rng.Filename, rng.Start.Line, rng.Start.Column, name)
		if seen[key] {
			return
		}
		seen[key] = true
		detail := fmt.Sprintf("%s has no %s %q in the AWS provider %s; Terraform rejects it, and onus reads the setting as not set.", what, kind, name, ProviderSchemaInfo().Version)
		if best := closestName(name, candidates); best != "" {
			detail += fmt.Sprintf(" Did you mean %q?", best)
		}
		r := rng
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Unsupported " + kind, Detail: detail, Subject: &r})
	}
	var settable []string
	for name, a := range s.Attributes {
		if !a.Computed {
			settable = append(settable, name)
		}
	}
	for name := range s.Blocks {
		settable = append(settable, name)
	}
	sort.Strings(settable)
	for _, name := range sortedKeys(b.Attributes) {
		a := b.Attributes[name]
		sa := s.Attributes[name]
		switch {
		case sa != nil && sa.Computed:
			rng := a.Range
			key := fmt.Sprintf("%s:%d:%d:%s", rng.Filename, rng.Start.Line, rng.Start.Column, name)
			if !seen[key] {
				seen[key] = true
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Unconfigurable attribute",
					Detail: fmt.Sprintf("%s: %q is set by the provider and cannot be configured; Terraform rejects the configuration.", what, name), Subject: &rng})
			}
		case sa == nil && s.Blocks[name] == nil:
			report(a.Range, name, "argument", settable)
		}
	}
	for _, nb := range b.Blocks {
		ns := s.Blocks[nb.Type]
		if ns == nil {
			if s.Attributes[nb.Type] == nil {
				report(nb.DefRange, nb.Type, "block type", settable)
			}
			continue
		}
		if !nb.Unknown {
			diags = append(diags, unknownNames(r, ns.Block, nb, seen)...)
		}
	}
	return diags
}

// closestName returns the candidate nearest to name by edit distance, when
// it is near enough to be a plausible typo, else "".
func closestName(name string, candidates []string) string {
	best, bestDist := "", -1
	for _, c := range candidates {
		d := editDistance(name, c)
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := len(name) / 3
	if limit < 2 {
		limit = 2
	}
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, by bytes
// (argument names and check IDs are ASCII); it suggests the closest valid
// name for a misspelt argument or ignore.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
