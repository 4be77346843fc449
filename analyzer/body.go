package analyzer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// evalBody evaluates a block body without a schema: every argument and every
// nested block, with dynamic blocks expanded. top drops Terraform's
// meta-arguments from resource bodies.
func (m *modEval) evalBody(body hcl.Body, ctx *hcl.EvalContext, path string, top bool) *Block {
	blk := &Block{Attributes: map[string]*Attribute{}, Path: path}
	sb, ok := body.(*hclsyntax.Body)
	if !ok {
		m.evalJSONBody(blk, body, ctx, path, top, jsonScope{})
		return blk
	}
	for _, name := range sortedKeys(sb.Attributes) {
		if top && metaArguments[name] {
			continue
		}
		a := sb.Attributes[name]
		blk.Attributes[name] = m.evalAttr(name, a.Expr, a.SrcRange, ctx, joinPath(path, name))
	}
	counts := map[string]int{}
	next := func(ty string) string {
		i := counts[ty]
		counts[ty]++
		return fmt.Sprintf("%s[%d]", joinPath(path, ty), i)
	}
	for _, b := range sb.Blocks {
		if top && metaArguments[b.Type] {
			continue
		}
		if b.Type == "dynamic" && len(b.Labels) == 1 {
			blk.Blocks = append(blk.Blocks, m.expandDynamic(b, ctx, next)...)
			continue
		}
		nb := m.evalBody(b.Body, ctx, next(b.Type), false)
		nb.Type, nb.Labels, nb.DefRange, nb.Range = b.Type, b.Labels, b.DefRange(), b.Range()
		blk.Blocks = append(blk.Blocks, nb)
	}
	return blk
}

// expandDynamic expands a dynamic block over its collection. When the
// collection is unknown the result is one Block marked Unknown, so a check
// knows that rules it cannot see may exist.
func (m *modEval) expandDynamic(b *hclsyntax.Block, ctx *hcl.EvalContext, next func(string) string) []*Block {
	name := b.Labels[0]
	var forEach, iterator, labels hcl.Expression
	if a := b.Body.Attributes["for_each"]; a != nil {
		forEach = a.Expr
	}
	if a := b.Body.Attributes["iterator"]; a != nil {
		iterator = a.Expr
	}
	if a := b.Body.Attributes["labels"]; a != nil {
		labels = a.Expr
	}
	var content *hclsyntax.Block
	for _, cb := range b.Body.Blocks {
		if cb.Type == "content" {
			content = cb
		}
	}
	unknown := func() []*Block {
		return []*Block{{Type: name, Attributes: map[string]*Attribute{}, DefRange: b.DefRange(), Range: b.Range(), Unknown: true, Path: next(name)}}
	}
	if forEach == nil || content == nil {
		return nil
	}
	itName := name
	if iterator != nil {
		if t, diags := hcl.AbsTraversalForExpr(iterator); !diags.HasErrors() {
			itName = t.RootName()
		}
	}
	coll, _ := m.eval(forEach, ctx).UnmarkDeep()
	if coll.IsNull() {
		return nil
	}
	if !coll.IsKnown() || !coll.CanIterateElements() {
		return unknown()
	}
	if coll.LengthInt() > m.ev.p.opts.MaxInstances {
		rng := forEach.Range()
		m.ev.warn(&rng, "Too many dynamic blocks", fmt.Sprintf("this dynamic block expands to %d blocks, over the limit of %d; the rest are skipped", coll.LengthInt(), m.ev.p.opts.MaxInstances))
	}
	var out []*Block
	n := 0
	for it := coll.ElementIterator(); it.Next() && n < m.ev.p.opts.MaxInstances; n++ {
		k, v := it.Element()
		child := ctx.NewChild()
		child.Variables = map[string]cty.Value{itName: cty.ObjectVal(map[string]cty.Value{"key": k, "value": v})}
		nb := m.evalBody(content.Body, child, next(name), false)
		nb.Type, nb.DefRange, nb.Range = name, b.DefRange(), content.Range()
		if labels != nil {
			lv, _ := m.eval(labels, child).UnmarkDeep()
			if ls, ok := ctyStrings(lv); ok {
				nb.Labels = ls
			}
		}
		out = append(out, nb)
	}
	return out
}

// evalAttr evaluates one argument and lifts the marks the evaluation left on
// its value into Refs and JSON.
func (m *modEval) evalAttr(name string, expr hcl.Expression, rng hcl.Range, ctx *hcl.EvalContext, path string) *Attribute {
	v := m.eval(expr, ctx)
	a := &Attribute{Name: name, Range: rng, Path: path}
	a.setExpr(expr, m.dm.file(rng.Filename))
	a.Value, a.Refs, a.JSON = unmarkValue(v)
	if !a.Value.IsKnown() && a.JSON == nil {
		if tmpl, ok := expr.(*hclsyntax.TemplateExpr); ok {
			a.Rendered = m.renderTemplate(tmpl, ctx)
		}
	}
	if a.JSON != nil && a.JSON.call == nil && jsonencodeArg(expr) != nil {
		a.JSON.call = a
	}
	return a
}

// renderTemplate renders a template whose value is unknown, keeping its known
// parts and putting UnknownPlaceholder where an interpolation is unknown.
func (m *modEval) renderTemplate(t *hclsyntax.TemplateExpr, ctx *hcl.EvalContext) string {
	var b strings.Builder
	for _, part := range t.Parts {
		v, _ := m.eval(part, ctx).UnmarkDeep()
		if s, ok := ctyString(v); ok {
			b.WriteString(s)
			continue
		}
		b.WriteString(UnknownPlaceholder)
	}
	return b.String()
}

// unmarkValue strips marks from v and returns the references and JSON
// structure they carried, in a stable order.
func unmarkValue(v cty.Value) (cty.Value, []Ref, *JSONSource) {
	if !v.ContainsMarked() {
		return v, nil, nil
	}
	uv, pvms := v.UnmarkDeepWithPaths()
	var refs []Ref
	var js *JSONSource
	seen := map[Ref]bool{}
	for _, pvm := range pvms {
		for mark := range pvm.Marks {
			switch mk := mark.(type) {
			case Ref:
				if !seen[mk] {
					seen[mk] = true
					refs = append(refs, mk)
				}
			case *JSONSource:
				if len(pvm.Path) == 0 && !uv.IsKnown() {
					js = mk
				}
			}
		}
	}
	sort.Slice(refs, func(i, j int) bool {
		if refs[i].Address != refs[j].Address {
			return refs[i].Address < refs[j].Address
		}
		return refs[i].Attr < refs[j].Attr
	})
	return uv, refs, js
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// evalResourceBody evaluates the body of a resource or data source. A
// .tf.json body is read with the provider schema of its type, the only thing
// that tells a nested block from an argument whose value is an object.
func (m *modEval) evalResourceBody(mode Mode, typ string, body hcl.Body, ctx *hcl.EvalContext) *Block {
	if _, ok := body.(*hclsyntax.Body); ok {
		return m.evalBody(body, ctx, "", true)
	}
	blk := &Block{Attributes: map[string]*Attribute{}}
	m.evalJSONBody(blk, body, ctx, "", true, jsonScope{mode: mode, typ: typ})
	return blk
}

// jsonScope is where a .tf.json body lies: the resource or data source type
// ("" outside one: terraform and provider blocks) and the nested block types
// from its body down. JSON has no block syntax, so `"versioning": {...}` is
// a block only because the provider's schema says so, while `"tags": {...}`
// is an argument holding an object.
type jsonScope struct {
	mode  Mode
	typ   string
	path  []string
	blind bool // below a property the schema does not know
}

// isBlock reports whether the property name is read as nested blocks: as
// the provider schema says where it knows the type and the place, else by
// the names in jsonBlockNames.
func (s jsonScope) isBlock(name string) bool {
	if s.typ != "" && !s.blind {
		if isBlock, known := jsonSchemaBlock(s.mode, s.typ, s.path, name); known {
			return isBlock
		}
	}
	return jsonBlockNames[name]
}

// child is the scope inside a nested block of the given type.
func (s jsonScope) child(name string) jsonScope {
	c := s
	c.path = append(append([]string(nil), s.path...), name)
	if s.typ != "" && !s.blind {
		if isBlock, known := jsonSchemaBlock(s.mode, s.typ, s.path, name); !known || !isBlock {
			c.blind = true
		}
	}
	return c
}

// jsonBlockNames is the fallback where the provider schema cannot answer:
// Terraform's own nested blocks (required_providers in a terraform block;
// lifecycle, provisioner and connection are meta-arguments and dropped
// before this is asked), attributes that Terraform also accepts in block
// syntax (ingress and egress of a security group: the schema declares them
// as lists of objects, and the checks read them as blocks, as they are
// usually written in HCL), and the nested blocks of the types onus reads,
// for a body below a property the schema does not know (a misspelt block
// name) or of a type that is not the AWS provider's.
var jsonBlockNames = map[string]bool{
	"versioning": true, "server_side_encryption_configuration": true, "rule": true,
	"apply_server_side_encryption_by_default": true, "logging": true, "lifecycle_rule": true,
	"grant": true, "cors_rule": true, "website": true, "replication_configuration": true,
	"object_lock_configuration": true, "versioning_configuration": true,
	"access_control_policy": true, "owner": true, "grantee": true, "target_grant": true,
	"ingress": true, "egress": true, "statement": true, "principals": true,
	"not_principals": true, "condition": true, "metadata_options": true,
	"root_block_device": true, "ebs_block_device": true, "ephemeral_block_device": true,
	"block_device_mappings": true, "ebs": true, "network_interfaces": true,
	"network_interface": true, "vpc_config": true, "encryption_config": true,
	"provider": true, "default_action": true, "redirect": true, "forward": true,
	"access_logs": true, "encrypt_at_rest": true, "node_to_node_encryption": true,
	"domain_endpoint_options": true, "server_side_encryption": true,
	"default_cache_behavior": true, "ordered_cache_behavior": true,
	"viewer_certificate": true, "origin": true, "environment": true,
	"inline_policy": true, "point_in_time_recovery": true, "cluster_config": true,
	"ebs_options": true, "log_publishing_options": true, "required_providers": true,
	"encryption_configuration": true, "image_scanning_configuration": true,
	"event_selector": true, "advanced_event_selector": true, "filter": true,
	"expiration": true, "transition": true, "noncurrent_version_expiration": true,
	"noncurrent_version_transition": true, "target_object_key_format": true,
	"action": true, "authenticate_oidc": true, "fixed_response": true,
	"stickiness": true, "target_group": true, "subnet_mapping": true,
	// Terraform's meta blocks and the aws provider block's own blocks,
	// which the resource schema does not describe.
	"lifecycle": true, "provisioner": true, "connection": true,
	"endpoints": true, "assume_role": true, "assume_role_with_web_identity": true,
	"default_tags": true, "ignore_tags": true,
	"dynamic": false,
}

// evalJSONBody fills blk from a .tf.json body.
func (m *modEval) evalJSONBody(blk *Block, body hcl.Body, ctx *hcl.EvalContext, path string, top bool, scope jsonScope) {
	attrs, _ := body.JustAttributes()
	counts := map[string]int{}
	for _, name := range sortedKeys(attrs) {
		if top && metaArguments[name] {
			continue
		}
		a := attrs[name]
		if name == "dynamic" {
			blk.Blocks = append(blk.Blocks, m.jsonDynamic(a.Expr, ctx, path, counts, scope)...)
			continue
		}
		if scope.isBlock(name) {
			blk.Blocks = append(blk.Blocks, m.jsonBlocks(name, a.Expr, ctx, path, counts, scope.child(name))...)
			continue
		}
		blk.Attributes[name] = m.evalAttr(name, a.Expr, a.Range, ctx, joinPath(path, name))
	}
}

// jsonBlocks reads a JSON property as one block (an object) or several (an
// array of objects); scope is the scope inside them.
func (m *modEval) jsonBlocks(name string, expr hcl.Expression, ctx *hcl.EvalContext, path string, counts map[string]int, scope jsonScope) []*Block {
	var elems []hcl.Expression
	if list, diags := hcl.ExprList(expr); !diags.HasErrors() {
		elems = list
	} else {
		elems = []hcl.Expression{expr}
	}
	var out []*Block
	for _, e := range elems {
		pairs, diags := hcl.ExprMap(e)
		if diags.HasErrors() {
			continue
		}
		bpath := fmt.Sprintf("%s[%d]", joinPath(path, name), counts[name])
		counts[name]++
		nb := &Block{Type: name, Attributes: map[string]*Attribute{}, DefRange: e.Range(), Range: e.Range(), Path: bpath}
		m.jsonPairs(nb, pairs, ctx, bpath, scope)
		out = append(out, nb)
	}
	return out
}

func (m *modEval) jsonPairs(nb *Block, pairs []hcl.KeyValuePair, ctx *hcl.EvalContext, path string, scope jsonScope) {
	counts := map[string]int{}
	for _, kv := range pairs {
		kval, diags := kv.Key.Value(nil)
		if diags.HasErrors() || kval.Type() != cty.String || !kval.IsKnown() {
			continue
		}
		k := kval.AsString()
		switch {
		case k == "dynamic":
			nb.Blocks = append(nb.Blocks, m.jsonDynamic(kv.Value, ctx, path, counts, scope)...)
		case scope.isBlock(k):
			nb.Blocks = append(nb.Blocks, m.jsonBlocks(k, kv.Value, ctx, path, counts, scope.child(k))...)
		default:
			rng := hcl.RangeBetween(kv.Key.Range(), kv.Value.Range())
			nb.Attributes[k] = m.evalAttr(k, kv.Value, rng, ctx, joinPath(path, k))
		}
	}
}

// jsonDynamic expands `"dynamic": {"NAME": {"for_each": ..., "content": {...}}}`.
func (m *modEval) jsonDynamic(expr hcl.Expression, ctx *hcl.EvalContext, path string, counts map[string]int, scope jsonScope) []*Block {
	pairs, diags := hcl.ExprMap(expr)
	if diags.HasErrors() {
		return nil
	}
	var out []*Block
	for _, kv := range pairs {
		kval, diags := kv.Key.Value(nil)
		if diags.HasErrors() || kval.Type() != cty.String || !kval.IsKnown() {
			continue
		}
		name := kval.AsString()
		spec, diags := hcl.ExprMap(kv.Value)
		if diags.HasErrors() {
			continue
		}
		var forEach, content hcl.Expression
		itName := name
		for _, s := range spec {
			sk, _ := s.Key.Value(nil)
			if sk.Type() != cty.String || !sk.IsKnown() {
				continue
			}
			switch sk.AsString() {
			case "for_each":
				forEach = s.Value
			case "content":
				content = s.Value
			case "iterator":
				if iv, d := s.Value.Value(nil); !d.HasErrors() && iv.Type() == cty.String && iv.IsKnown() {
					itName = iv.AsString()
				}
			}
		}
		if forEach == nil || content == nil {
			continue
		}
		coll, _ := m.eval(forEach, ctx).UnmarkDeep()
		if coll.IsNull() {
			continue
		}
		if !coll.IsKnown() || !coll.CanIterateElements() {
			bpath := fmt.Sprintf("%s[%d]", joinPath(path, name), counts[name])
			counts[name]++
			out = append(out, &Block{Type: name, Attributes: map[string]*Attribute{}, DefRange: kv.Key.Range(), Range: kv.Value.Range(), Unknown: true, Path: bpath})
			continue
		}
		cpairs, diags := hcl.ExprMap(content)
		if diags.HasErrors() {
			continue
		}
		n := 0
		for it := coll.ElementIterator(); it.Next() && n < m.ev.p.opts.MaxInstances; n++ {
			k, v := it.Element()
			child := ctx.NewChild()
			child.Variables = map[string]cty.Value{itName: cty.ObjectVal(map[string]cty.Value{"key": k, "value": v})}
			bpath := fmt.Sprintf("%s[%d]", joinPath(path, name), counts[name])
			counts[name]++
			nb := &Block{Type: name, Attributes: map[string]*Attribute{}, DefRange: kv.Key.Range(), Range: kv.Value.Range(), Path: bpath}
			m.jsonPairs(nb, cpairs, child, bpath, scope.child(name))
			out = append(out, nb)
		}
	}
	return out
}
