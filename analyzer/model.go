package analyzer

import (
	"bytes"
	"sort"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Mode tells managed resources from data sources.
type Mode string

// Resource modes, spelled as in Terraform's plan JSON.
const (
	Managed Mode = "managed"
	Data    Mode = "data"
)

// Ref records that a value was derived from an attribute of another resource
// instance. It travels as a cty mark, so it survives locals, interpolation and
// module boundaries, and lets checks follow `aws_s3_bucket.b.id` back to the
// bucket even though the id itself is unknown until apply.
type Ref struct {
	// Address is the full address of the referenced instance, e.g.
	// `module.logs.aws_s3_bucket.this[0]`.
	Address string
	// Attr is the first attribute name after the resource, e.g. "id", or ""
	// when the whole object was referenced.
	Attr string
}

// JSONSource marks the unknown result of jsonencode on a value that is only
// partly known: Terraform cannot render the string until apply, but the
// structure (a policy document, say) is known and worth checking.
type JSONSource struct {
	// Value is the encoded value, unmarked; unknown leaves stay unknown.
	Value cty.Value
	// call is the argument whose expression is the jsonencode call, when
	// one is.
	call *Attribute
}

// Expr returns the argument expression of jsonencode, so that a finding can
// point at the element inside it, or nil when the value did not come
// straight from a jsonencode call in an argument.
func (j *JSONSource) Expr() hcl.Expression {
	if j == nil || j.call == nil {
		return nil
	}
	return jsonencodeArg(j.call.Expr())
}

// jsonencodeArg returns the argument of a jsonencode call, or nil when e is
// not one.
func jsonencodeArg(e hcl.Expression) hcl.Expression {
	if call, ok := e.(*hclsyntax.FunctionCallExpr); ok && call.Name == "jsonencode" && len(call.Args) == 1 {
		return call.Args[0]
	}
	return nil
}

// UnknownPlaceholder stands for an unknown interpolation in
// Attribute.Rendered. A reader treats any string containing it as unknown.
const UnknownPlaceholder = "__onus_unknown__"

// Attribute is one evaluated argument of a block.
type Attribute struct {
	Name string
	// Value is the evaluated value with marks removed. It is null when the
	// argument is set to null, which Terraform treats as not set.
	Value cty.Value
	// Refs lists the resource attributes the value was derived from.
	Refs []Ref
	// JSON holds the structure behind a partly unknown jsonencode result.
	JSON *JSONSource
	// Rendered is set when the value is an unknown string built from a
	// template (a heredoc policy interpolating an ARN): the template's text
	// with every unknown interpolation replaced by UnknownPlaceholder, so the
	// known parts can still be read.
	Rendered string
	// Range covers the whole argument, name to end of value.
	Range hcl.Range
	// The source expression: an hcl.Expression when it is held, else the
	// *File whose native syntax from exprStart to the end of Range is
	// parsed again on demand (see Expr).
	expr      any
	exprStart hcl.Pos
	// Path locates the argument inside its resource, e.g.
	// "versioning[0].status"; findings use it for their fingerprint.
	Path string

	owner *Resource
}

// Known reports whether the value is wholly known (no unknown anywhere in it).
func (a *Attribute) Known() bool {
	if a == nil {
		return false
	}
	if !a.Value.IsWhollyKnown() {
		a.noteUnknown()
		return false
	}
	return true
}

// Expr returns the argument's source expression. The model does not hold
// the syntax trees of native (.tf) files, which are most of a large scan's
// memory while the checks read few of them: such an expression is parsed
// again from its file's bytes, with the same ranges, the first time any
// argument written there asks for it (the instances of a resource with
// count share it).
func (a *Attribute) Expr() hcl.Expression {
	if a == nil {
		return nil
	}
	if f, ok := a.expr.(*File); ok {
		return f.expression(a.exprStart, a.Range.End.Byte)
	}
	e, _ := a.expr.(hcl.Expression)
	return e
}

// expression parses the native expression from start to end again, once.
func (f *File) expression(start hcl.Pos, end int) hcl.Expression {
	f.exprMu.Lock()
	defer f.exprMu.Unlock()
	if e, ok := f.exprs[start.Byte]; ok {
		return e
	}
	src := f.Bytes
	if start.Byte < 0 || start.Byte > end || end > len(src) {
		return nil
	}
	// A heredoc ends with the newline after its closing marker, outside
	// its range.
	if rest := src[end:]; bytes.HasPrefix(rest, []byte("\n")) {
		end++
	} else if bytes.HasPrefix(rest, []byte("\r\n")) {
		end += 2
	}
	var e hcl.Expression
	if pe, diags := hclsyntax.ParseExpression(src[start.Byte:end], f.Name, start); !diags.HasErrors() {
		e = pe
	}
	if f.exprs == nil {
		f.exprs = map[int]hcl.Expression{}
	}
	f.exprs[start.Byte] = e
	return e
}

// HasExpr reports whether the argument has a source expression (a
// variable given no value has none), without parsing it.
func (a *Attribute) HasExpr() bool {
	return a != nil && a.expr != nil
}

// setExpr records the argument's expression: by where it is in f when it is
// native syntax that ends where the argument does, else as it is.
func (a *Attribute) setExpr(e hcl.Expression, f *File) {
	a.expr = e
	if _, native := e.(hclsyntax.Expression); !native || f == nil {
		return
	}
	r := e.Range()
	if r.Filename != a.Range.Filename || r.Filename != f.Name || r.End != a.Range.End || r.End.Byte > len(f.Bytes) {
		return
	}
	a.expr, a.exprStart = f, r.Start
}

// sameExpr gives a the expression of b.
func (a *Attribute) sameExpr(b *Attribute) {
	a.expr, a.exprStart = b.expr, b.exprStart
}

// Block is an evaluated block: a resource body or a nested block such as
// `versioning` or an expanded `dynamic "ingress"`.
type Block struct {
	Type   string
	Labels []string
	// Attributes holds the arguments that are set, by name.
	Attributes map[string]*Attribute
	// Blocks holds nested blocks in source order, dynamic ones expanded.
	Blocks []*Block
	// DefRange is the block header, where findings about a missing argument
	// point.
	DefRange hcl.Range
	// Range covers the whole block.
	Range hcl.Range
	// Unknown is set when the block came from a dynamic block whose
	// collection is unknown: its content cannot be known.
	Unknown bool
	// Path locates the block inside its resource, e.g. "ingress[2]"; "" for
	// a resource body.
	Path string

	owner *Resource
}

// Attr returns the named argument, or nil when it is absent or null. A nil
// *Attribute is safe to call every reader on.
func (b *Block) Attr(name string) *Attribute {
	if b == nil {
		return nil
	}
	a := b.Attributes[name]
	if a == nil || a.Value.IsNull() {
		return nil
	}
	return a
}

// BlocksOf returns the nested blocks of the given type, in source order.
func (b *Block) BlocksOf(typ string) []*Block {
	if b == nil {
		return nil
	}
	var out []*Block
	for _, nb := range b.Blocks {
		if nb.Type == typ {
			out = append(out, nb)
		}
	}
	return out
}

// FirstBlock returns the first nested block of the given type, or nil.
func (b *Block) FirstBlock(typ string) *Block {
	if b == nil {
		return nil
	}
	for _, nb := range b.Blocks {
		if nb.Type == typ {
			return nb
		}
	}
	return nil
}

// HasUnknownBlocks reports whether a dynamic block of the given type could
// not be expanded, so the absence of such a block proves nothing.
func (b *Block) HasUnknownBlocks(typ string) bool {
	for _, nb := range b.BlocksOf(typ) {
		if nb.Unknown {
			b.noteUnknown(typ)
			return true
		}
	}
	return false
}

// Resource is one instance of a resource or data source, after count and
// for_each expansion.
type Resource struct {
	Mode Mode
	Type string
	Name string
	// Key is the instance key: a number for count, a string for for_each,
	// cty.NilVal for a single instance.
	Key cty.Value
	// Address is the full Terraform address, e.g.
	// `module.web.aws_s3_bucket.logs["a"]`.
	Address string
	// Module is the module instance the resource belongs to.
	Module *Module
	// Body is the evaluated configuration.
	Body *Block
	// KeyUnknown is set when count or for_each could not be evaluated; the
	// resource is then represented by one instance of unknown key.
	KeyUnknown bool
}

// Attr is shorthand for r.Body.Attr(name).
func (r *Resource) Attr(name string) *Attribute { return r.Body.Attr(name) }

// Module is one evaluated instance of a module: the root, or a child called
// with its arguments.
type Module struct {
	// Dir is the module's directory as loaded.
	Dir string
	// Path is the module instance address, "" for the root, e.g.
	// `module.net` or `module.app["a"].module.db`.
	Path string
	// Parent is the calling module, nil for the root.
	Parent *Module
	// Children are the module instances this one calls.
	Children []*Module
	// Resources lists managed resources and data sources in address order.
	Resources []*Resource
	// Providers holds the evaluated provider configuration blocks.
	Providers []*Block
	// Terraform holds the evaluated `terraform` blocks (required_providers…).
	Terraform []*Block
	// Variables holds each input variable's value, with the range of where
	// it was written: a default, a tfvars line, or the caller's argument.
	Variables map[string]*Attribute
	// Locals holds each local value.
	Locals map[string]*Attribute

	cfg *Config
}

// Config is one root module and every module instance below it: the unit a
// check runs over, so that a public access block in one module can cover a
// bucket in another.
type Config struct {
	Root *Module
	// Modules lists every module instance, the root first, in address order.
	Modules []*Module

	lockFile string
	// key names the root module in fingerprints: its directory relative to
	// the repository (the nearest directory holding .git) or, outside one,
	// to the scanned path — never to the working directory, so that a
	// baseline written in one place matches in another.
	key string
	// active is the pass running over this configuration; readers record
	// unknown values against it. Checks run one at a time per configuration.
	active *Pass

	byType map[string][]*Resource
	byAddr map[string]*Resource
	// referrers maps a resource address to the resources whose arguments
	// were derived from one of its attributes.
	referrers map[string][]*Resource

	// memo holds what checks derived once for the whole configuration
	// (Pass.Memo).
	memoMu sync.Mutex
	memo   map[any]*memoEntry
}

// index builds the lookup tables once, so that no check pays for a scan of
// every resource per question.
func (c *Config) index() {
	c.byType = map[string][]*Resource{}
	c.byAddr = map[string]*Resource{}
	c.referrers = map[string][]*Resource{}
	for _, m := range c.Modules {
		for _, r := range m.Resources {
			key := r.Type
			if r.Mode == Data {
				key = "data." + r.Type
			}
			c.byType[key] = append(c.byType[key], r)
			c.byAddr[r.Address] = r
		}
	}
	for _, m := range c.Modules {
		for _, r := range m.Resources {
			seen := map[string]bool{}
			walkAttributes(r.Body, func(a *Attribute) {
				for _, ref := range a.Refs {
					if !seen[ref.Address] && ref.Address != r.Address {
						seen[ref.Address] = true
						c.referrers[ref.Address] = append(c.referrers[ref.Address], r)
					}
				}
			})
		}
	}
	for k := range c.referrers {
		rs := c.referrers[k]
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].Address < rs[j].Address })
	}
}

// Resources returns every managed instance of the given types across the
// configuration, in address order per type. The slice is shared: callers
// must not modify it.
func (c *Config) Resources(types ...string) []*Resource {
	return c.collect("", types)
}

// DataSources returns every data source instance of the given types. The
// slice is shared: callers must not modify it.
func (c *Config) DataSources(types ...string) []*Resource {
	return c.collect("data.", types)
}

func (c *Config) collect(prefix string, types []string) []*Resource {
	if len(types) == 1 {
		// The capacity is clipped so that an append by a caller copies
		// instead of writing into the index.
		rs := c.byType[prefix+types[0]]
		return rs[:len(rs):len(rs)]
	}
	n := 0
	for _, t := range types {
		n += len(c.byType[prefix+t])
	}
	out := make([]*Resource, 0, n)
	for _, t := range types {
		out = append(out, c.byType[prefix+t]...)
	}
	return out
}

// Lookup returns the instance with the given full address, or nil.
func (c *Config) Lookup(address string) *Resource { return c.byAddr[address] }

// ReferrersOf returns the resources of the given types (all types when none
// are given) that refer to r through any argument.
func (c *Config) ReferrersOf(r *Resource, types ...string) []*Resource {
	all := c.referrers[r.Address]
	if len(types) == 0 {
		return all
	}
	var out []*Resource
	for _, x := range all {
		for _, t := range types {
			if x.Type == t && x.Mode == Managed {
				out = append(out, x)
				break
			}
		}
	}
	return out
}

// walkAttributes calls fn for every attribute of b and its nested blocks.
func walkAttributes(b *Block, fn func(*Attribute)) {
	if b == nil {
		return
	}
	names := make([]string, 0, len(b.Attributes))
	for n := range b.Attributes {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fn(b.Attributes[n])
	}
	for _, nb := range b.Blocks {
		walkAttributes(nb, fn)
	}
}
