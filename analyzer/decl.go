package analyzer

import (
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// moduleDecl is what one directory declares, extracted once from its files.
type moduleDecl struct {
	variables map[string]*varDecl
	locals    map[string]*hcl.Attribute
	resources []*resourceDecl
	modules   []*moduleCallDecl
	outputs   map[string]*hcl.Attribute
	providers []*hcl.Block
	terraform []*hcl.Block
}

type varDecl struct {
	name     string
	def      hcl.Expression
	typ      cty.Type
	defaults *typeexpr.Defaults
	nullable bool
	rng      hcl.Range
}

type resourceDecl struct {
	mode    Mode
	typ     string
	name    string
	key     string // "aws_s3_bucket.b" or "data.aws_iam_policy_document.p"
	block   *hcl.Block
	count   hcl.Expression
	forEach hcl.Expression
}

type moduleCallDecl struct {
	name    string
	source  string
	block   *hcl.Block
	count   hcl.Expression
	forEach hcl.Expression
	args    map[string]*hcl.Attribute
}

var topSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "resource", LabelNames: []string{"type", "name"}},
		{Type: "data", LabelNames: []string{"type", "name"}},
		{Type: "module", LabelNames: []string{"name"}},
		{Type: "variable", LabelNames: []string{"name"}},
		{Type: "locals"},
		{Type: "output", LabelNames: []string{"name"}},
		{Type: "provider", LabelNames: []string{"name"}},
		{Type: "terraform"},
		{Type: "moved"},
		{Type: "import"},
		{Type: "check", LabelNames: []string{"name"}},
		{Type: "removed"},
		{Type: "ephemeral", LabelNames: []string{"type", "name"}},
	},
}

var variableSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "default"}, {Name: "type"}, {Name: "description"}, {Name: "sensitive"},
		{Name: "nullable"}, {Name: "ephemeral"},
	},
	Blocks: []hcl.BlockHeaderSchema{{Type: "validation"}},
}

// metaArguments are resource arguments that belong to Terraform, not to the
// provider, and so never appear in a resource's evaluated body.
var metaArguments = map[string]bool{
	"count": true, "for_each": true, "provider": true, "depends_on": true,
	"lifecycle": true, "provisioner": true, "connection": true,
}

var moduleMeta = map[string]bool{
	"source": true, "version": true, "count": true, "for_each": true,
	"providers": true, "depends_on": true,
}

// declare extracts the declarations of a directory's files. Duplicate
// declarations are reported the way Terraform reports them; the first wins.
func declare(files []*File, report func(*hcl.Diagnostic)) *moduleDecl {
	d := &moduleDecl{
		variables: map[string]*varDecl{},
		locals:    map[string]*hcl.Attribute{},
		outputs:   map[string]*hcl.Attribute{},
	}
	seenRes := map[string]bool{}
	seenMod := map[string]bool{}
	for _, f := range files {
		if f.HCL == nil || f.HCL.Body == nil {
			continue
		}
		content, _, _ := f.HCL.Body.PartialContent(topSchema)
		if content == nil {
			continue
		}
		for _, b := range content.Blocks {
			switch b.Type {
			case "variable":
				v := declareVariable(b, report)
				if _, dup := d.variables[v.name]; !dup {
					d.variables[v.name] = v
				}
			case "locals":
				attrs, _ := b.Body.JustAttributes()
				for name, a := range attrs {
					if _, dup := d.locals[name]; !dup {
						d.locals[name] = a
					}
				}
			case "output":
				attrs, _ := outputAttrs(b.Body)
				if a := attrs["value"]; a != nil {
					d.outputs[b.Labels[0]] = a
				}
			case "resource", "data":
				r := declareResource(b)
				if seenRes[r.key] {
					report(&hcl.Diagnostic{
						Severity: hcl.DiagError,
						Summary:  "Duplicate resource",
						Detail:   fmt.Sprintf("%s is declared more than once; only the first declaration is scanned.", r.key),
						Subject:  b.DefRange.Ptr(),
					})
					continue
				}
				seenRes[r.key] = true
				d.resources = append(d.resources, r)
			case "module":
				m := declareModuleCall(b)
				if seenMod[m.name] {
					continue
				}
				seenMod[m.name] = true
				d.modules = append(d.modules, m)
			case "provider":
				d.providers = append(d.providers, b)
			case "terraform":
				d.terraform = append(d.terraform, b)
			}
		}
	}
	return d
}

func outputAttrs(body hcl.Body) (hcl.Attributes, hcl.Diagnostics) {
	c, _, diags := body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "value"}}})
	if c == nil {
		return nil, diags
	}
	return c.Attributes, diags
}

func declareVariable(b *hcl.Block, report func(*hcl.Diagnostic)) *varDecl {
	v := &varDecl{name: b.Labels[0], typ: cty.DynamicPseudoType, nullable: true, rng: b.DefRange}
	c, _, _ := b.Body.PartialContent(variableSchema)
	if c == nil {
		return v
	}
	if a := c.Attributes["default"]; a != nil {
		v.def = a.Expr
	}
	if a := c.Attributes["type"]; a != nil {
		// Terraform 0.11 wrote types as strings ("string", "list", "map").
		// Terraform 1.x refuses them, but the rest of such a configuration
		// is still worth scanning: read them as the types they meant.
		if lv, diags := a.Expr.Value(nil); !diags.HasErrors() && lv.Type() == cty.String && lv.IsKnown() && !lv.IsNull() {
			switch lv.AsString() {
			case "string":
				v.typ = cty.String
			case "list":
				v.typ = cty.List(cty.DynamicPseudoType)
			case "map":
				v.typ = cty.Map(cty.DynamicPseudoType)
			}
			return finishVariable(v, c)
		}
		ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(a.Expr)
		if diags.HasErrors() {
			for _, d := range diags {
				report(d)
			}
		} else {
			v.typ, v.defaults = ty, defaults
		}
	}
	return finishVariable(v, c)
}

func finishVariable(v *varDecl, c *hcl.BodyContent) *varDecl {
	if a := c.Attributes["nullable"]; a != nil {
		if val, diags := a.Expr.Value(nil); !diags.HasErrors() && val.Type() == cty.Bool && val.IsKnown() && !val.IsNull() {
			v.nullable = val.True()
		}
	}
	return v
}

func declareResource(b *hcl.Block) *resourceDecl {
	mode := Managed
	key := b.Labels[0] + "." + b.Labels[1]
	if b.Type == "data" {
		mode = Data
		key = "data." + key
	}
	r := &resourceDecl{mode: mode, typ: b.Labels[0], name: b.Labels[1], key: key, block: b}
	c, _, _ := b.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}}})
	if c != nil {
		if a := c.Attributes["count"]; a != nil {
			r.count = a.Expr
		}
		if a := c.Attributes["for_each"]; a != nil {
			r.forEach = a.Expr
		}
	}
	return r
}

func declareModuleCall(b *hcl.Block) *moduleCallDecl {
	m := &moduleCallDecl{name: b.Labels[0], block: b, args: map[string]*hcl.Attribute{}}
	attrs, _ := b.Body.JustAttributes()
	for name, a := range attrs {
		switch name {
		case "source":
			if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
				m.source = v.AsString()
			}
		case "count":
			m.count = a.Expr
		case "for_each":
			m.forEach = a.Expr
		default:
			if !moduleMeta[name] {
				m.args[name] = a
			}
		}
	}
	return m
}

// bodyExpressions returns every expression in a body, nested blocks
// included, for dependency analysis.
func bodyExpressions(body hcl.Body) []hcl.Expression {
	var out []hcl.Expression
	if sb, ok := body.(*hclsyntax.Body); ok {
		names := make([]string, 0, len(sb.Attributes))
		for n := range sb.Attributes {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			out = append(out, sb.Attributes[n].Expr)
		}
		for _, b := range sb.Blocks {
			out = append(out, bodyExpressions(b.Body)...)
		}
		return out
	}
	attrs, _ := body.JustAttributes()
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		out = append(out, attrs[n].Expr)
	}
	return out
}
