package analyzer

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

// evaluator evaluates one root module and every module it calls.
type evaluator struct {
	p       *Project
	rootAbs string
	funcs   map[string]function.Function
	cfg     *Config
	diags   hcl.Diagnostics
	budget  int // instances left before the configuration-wide limit
	// deadline ends evaluation of the configuration; what is left is
	// unknown.
	deadline     time.Time
	timedOut     bool
	budgetWarned bool
	// slots lends extra goroutines to module calls that are ready at the
	// same time (evalwave.go); nil or empty means one at a time.
	slots chan struct{}
	// waves counts the instances taken by every wave this evaluator runs
	// in, outermost first (evalwave.go).
	waves []*waveBudget
	// afterCall lists, per module call of the root module, the directories
	// evaluated under it, when the run lets go of syntax trees as it goes
	// (release.go); nil otherwise.
	afterCall map[string][]*dirModule
}

// expired reports whether the evaluation ran out of time, saying so once.
func (ev *evaluator) expired(rng hcl.Range) bool {
	if ev.timedOut {
		return true
	}
	if time.Now().After(ev.deadline) {
		ev.timedOut = true
		ev.warn(&rng, "Evaluation time-out", fmt.Sprintf("evaluating this configuration took longer than %s; what was not evaluated by then is treated as unknown (raise it with --eval-timeout)", ev.p.opts.EvalTimeout))
		return true
	}
	return false
}

// modEval is the state of one module instance under evaluation.
type modEval struct {
	ev  *evaluator
	dm  *dirModule
	mod *Module
	// decl and graph are the module's syntax (dirModule.syntax), held for
	// as long as the evaluation runs.
	decl     *moduleDecl
	graph    *moduleGraph
	depth    int
	ancestry []string
	// key is the module path without instance keys ("a.b"), as used in
	// .terraform/modules/modules.json.
	key string
	// standIn is set while evaluating an instance that stands for an
	// unknown number of instances (count or for_each unknown), possibly
	// none: what fails to evaluate there may never be evaluated by
	// Terraform, so it is not reported.
	standIn bool
	// shedding is set in the one evaluation of a directory evaluated once:
	// each resource and module call lets go of its body once evaluated
	// (release.go).
	shedding bool

	vars    map[string]cty.Value
	locals  map[string]cty.Value
	res     map[string]cty.Value // by "type.name" / "data.type.name"
	modules map[string]cty.Value // by call name
	// accessed lists, per resource type, the attribute names that some
	// expression reads from instances of that type; "*" holds names read
	// through unrooted traversals (for expressions, splats).
	accessed map[string]map[string]bool
}

func (p *Project) evaluateRoot(rootAbs string, slots chan struct{}, afterCall map[string][]*dirModule) (*Config, hcl.Diagnostics) {
	ev := &evaluator{p: p, rootAbs: rootAbs, budget: p.opts.MaxInstances * 10, deadline: time.Now().Add(p.opts.EvalTimeout), slots: slots, afterCall: afterCall}
	ev.funcs = p.functions(rootAbs)
	root := &Module{Dir: p.displayName(rootAbs)}
	ev.cfg = &Config{Root: root, lockFile: lockFileOf(rootAbs), key: p.rootKey(rootAbs)}
	m := newModEval(ev, p.dir(rootAbs), root, 0, "", []string{rootAbs})
	m.vars = m.rootVariables()
	m.run()
	ev.evaluated(m.dm)
	var collect func(*Module)
	collect = func(mod *Module) {
		// Calls in name order, instances in key order: the order of
		// evaluation (which may run calls side by side) does not show.
		sort.SliceStable(mod.Children, func(i, j int) bool { return callName(mod.Children[i]) < callName(mod.Children[j]) })
		mod.cfg = ev.cfg
		ev.cfg.Modules = append(ev.cfg.Modules, mod)
		for _, c := range mod.Children {
			collect(c)
		}
	}
	collect(root)
	ev.cfg.index()
	return ev.cfg, ev.diags
}

// newModEval starts the evaluation of one instance of a module.
func newModEval(ev *evaluator, dm *dirModule, mod *Module, depth int, key string, ancestry []string) *modEval {
	decl, graph := dm.syntax()
	m := &modEval{ev: ev, dm: dm, mod: mod, decl: decl, graph: graph, depth: depth, key: key, ancestry: ancestry}
	if ev.afterCall != nil && dm.evaluatedOnce {
		// The one evaluation of the directory lets go of it at once: the
		// declarations and graph it holds keep what it reads, and an
		// evaluation the walk did not foresee parses it afresh rather
		// than reading what this one sheds.
		m.shedding = true
		dm.release()
	}
	return m
}

func (ev *evaluator) warn(rng *hcl.Range, summary, detail string) {
	ev.diags = append(ev.diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: summary, Detail: detail, Subject: rng})
}

// run evaluates the module: locals, resources and module calls in dependency
// order, then its outputs, which it returns as an object.
func (m *modEval) run() cty.Value {
	d := m.decl
	m.locals = map[string]cty.Value{}
	m.mod.Locals = map[string]*Attribute{}
	m.res = map[string]cty.Value{}
	m.modules = map[string]cty.Value{}
	g := m.graph
	m.accessed = g.accessed

	nodes := map[string]*evalNode{}
	for name, a := range d.locals {
		a := a
		name := name
		nodes["local."+name] = &evalNode{name: "local." + name, rng: a.Range, eval: func() {
			v := m.eval(a.Expr, m.scope(g.reads["local."+name], nil))
			if valueTooLarge(v) {
				rng := a.Range
				m.ev.warn(&rng, "Value too large", fmt.Sprintf("local.%s is larger than onus holds (a string over %d bytes or a collection over %d elements); it is treated as unknown", name, maxValueBytes, maxRange))
				v = cty.DynamicVal
			}
			m.locals[name] = v
			la := &Attribute{Name: name, Range: a.Range, Path: "local." + name}
			la.setExpr(a.Expr, m.dm.file(a.Range.Filename))
			la.Value, la.Refs, la.JSON = unmarkValue(v)
			m.mod.Locals[name] = la
		}}
	}
	for _, r := range d.resources {
		r := r
		nodes[r.key] = &evalNode{name: r.key, rng: r.block.DefRange, eval: func() { m.evalResource(r) }}
	}
	for _, mc := range d.modules {
		mc := mc
		nodes["module."+mc.name] = &evalNode{name: "module." + mc.name, rng: mc.block.DefRange, call: mc,
			eval: func() { m.evalModuleCall(mc) }}
	}

	// Kahn's algorithm over sorted names, so the order never depends on map
	// iteration; whatever is left is a cycle, reported and then evaluated with
	// the unresolved references unknown.
	// waiting counts the dependencies of each node not yet evaluated.
	waiting := make(map[string]int, len(nodes))
	users := g.users
	var ready []string
	for name := range nodes {
		waiting[name] = len(g.deps[name])
		if waiting[name] == 0 {
			ready = append(ready, name)
		}
	}
	sort.Strings(ready)
	done := map[string]bool{}
	// A value no node left to evaluate reads (and no output) is dropped:
	// a module of ten thousand resources does not hold every instance
	// object to its end.
	readers := make(map[string]int, len(nodes))
	for name := range nodes {
		readers[name] = len(users[name])
	}
	forget := func(name string) {
		if readers[name] == 0 && done[name] && !g.kept[name] {
			m.forget(name)
		}
	}
	release := func(name string) {
		for _, dep := range g.deps[name] {
			readers[dep]--
			forget(dep)
		}
		forget(name)
		var next []string
		for _, u := range users[name] {
			waiting[u]--
			if waiting[u] == 0 && !done[u] {
				next = append(next, u)
			}
		}
		if len(next) > 0 {
			ready = append(ready, next...)
			sort.Strings(ready)
		}
	}
	finish := func(name string) {
		done[name] = true
		if m.ev.expired(nodes[name].rng) {
			m.skip(name)
		} else {
			nodes[name].eval()
		}
		release(name)
		m.callDone(name)
	}
	// Module calls ready together may run side by side (evalwave.go);
	// after a wave that ran out of instances, the module goes on one node
	// at a time, as if there had been no wave.
	waves := true
	for len(done) < len(nodes) {
		for len(ready) > 0 {
			if wave := m.readyModuleCalls(ready, done, nodes); waves && len(wave) > 1 {
				if !m.runWave(wave, nodes) {
					waves = false
					continue
				}
				ready = slices.DeleteFunc(ready, func(n string) bool { return slices.Contains(wave, n) })
				for _, name := range wave {
					done[name] = true
					release(name)
				}
				continue
			}
			name := ready[0]
			ready = ready[1:]
			if !done[name] {
				finish(name)
			}
		}
		if len(done) == len(nodes) {
			break
		}
		m.breakCycle(nodes2names(nodes, done), done, finish)
	}
	m.mod.Providers = m.evalBlocks(d.providers)
	m.mod.Terraform = m.evalBlocks(d.terraform)

	outs := map[string]cty.Value{}
	for _, name := range sortedKeys(d.outputs) {
		a := d.outputs[name]
		outs[name] = m.eval(a.Expr, m.scope(g.reads["output."+name], nil))
	}
	return cty.ObjectVal(outs)
}

// maxValueBytes bounds the strings a local may hold: forty locals that each
// double the last would otherwise need a terabyte.
const maxValueBytes = 16 << 20

// valueTooLarge reports whether a value's top level is too large to keep:
// a huge string, or a collection with more than maxRange elements.
func valueTooLarge(v cty.Value) bool {
	v, _ = v.Unmark()
	if v.IsNull() || !v.IsKnown() {
		return false
	}
	switch {
	case v.Type() == cty.String:
		return len(v.AsString()) > maxValueBytes
	case v.CanIterateElements():
		return v.LengthInt() > maxRange
	}
	return false
}

// forget drops the value of a node nothing will read again.
func (m *modEval) forget(name string) {
	switch {
	case strings.HasPrefix(name, "local."):
		delete(m.locals, strings.TrimPrefix(name, "local."))
	case strings.HasPrefix(name, "module."):
		delete(m.modules, strings.TrimPrefix(name, "module."))
	default:
		delete(m.res, name)
	}
}

// skip gives a node that was not evaluated an unknown value.
func (m *modEval) skip(name string) {
	switch {
	case strings.HasPrefix(name, "local."):
		m.locals[strings.TrimPrefix(name, "local.")] = cty.DynamicVal
	case strings.HasPrefix(name, "module."):
		m.modules[strings.TrimPrefix(name, "module.")] = cty.DynamicVal
	default:
		m.res[name] = cty.DynamicVal
	}
}

func nodes2names[N any](nodes map[string]N, done map[string]bool) []string {
	var out []string
	for name := range nodes {
		if !done[name] {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// breakCycle picks the next node to evaluate when every remaining node waits
// on another. Terraform orders by individual outputs and inputs, so a module
// whose input uses one of its own outputs is no cycle there; onus evaluates
// the module's consumer first (the outputs are mostly computed and unknown
// anyway) so that the module still gets every input. A cycle without a module
// is a real one and is reported.
func (m *modEval) breakCycle(pending []string, done map[string]bool, finish func(string)) {
	for _, name := range pending {
		if strings.HasPrefix(name, "module.") {
			continue
		}
		onlyModules := true
		for _, dep := range m.graph.deps[name] {
			if !done[dep] && !strings.HasPrefix(dep, "module.") {
				onlyModules = false
				break
			}
		}
		if onlyModules {
			finish(name)
			return
		}
	}
	name := pending[0]
	involvesModule := false
	for _, p := range pending {
		if strings.HasPrefix(p, "module.") {
			involvesModule = true
		}
	}
	if !involvesModule {
		m.ev.diags = append(m.ev.diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Cycle",
			Detail:   fmt.Sprintf("%s depends on itself through other references; its unresolved references are treated as unknown.", name),
			Subject:  m.nodeRange(name),
		})
	}
	finish(name)
}

func (m *modEval) nodeRange(name string) *hcl.Range {
	d := m.decl
	switch {
	case strings.HasPrefix(name, "local."):
		if a := d.locals[strings.TrimPrefix(name, "local.")]; a != nil {
			return a.Range.Ptr()
		}
	case strings.HasPrefix(name, "module."):
		for _, mc := range d.modules {
			if "module."+mc.name == name {
				return mc.block.DefRange.Ptr()
			}
		}
	default:
		for _, r := range d.resources {
			if r.key == name {
				return r.block.DefRange.Ptr()
			}
		}
	}
	return nil
}

func (m *modEval) evalBlocks(blocks []*hcl.Block) []*Block {
	var out []*Block
	for _, b := range blocks {
		exprs := bodyExpressions(b.Body)
		ctx := m.scope(expressionsTraversals(exprs), nil)
		if b.Type == "terraform" {
			ctx = withProviderAliases(ctx, b.Body)
		}
		var blk *Block
		if _, native := b.Body.(*hclsyntax.Body); !native && b.Type == "terraform" {
			blk = m.evalJSONTerraform(b.Body, ctx)
		} else {
			blk = m.evalBody(b.Body, ctx, "", false)
		}
		blk.Type, blk.Labels, blk.DefRange = b.Type, b.Labels, b.DefRange
		blk.Range = bodyRange(b)
		out = append(out, blk)
	}
	return out
}

// withProviderAliases lets a terraform block's required_providers name
// provider configurations in configuration_aliases (`[aws.east]`): they are
// references to providers, which Terraform never evaluates, not values. The
// provider names stand for unknown values in ctx's child.
func withProviderAliases(ctx *hcl.EvalContext, body hcl.Body) *hcl.EvalContext {
	sb, ok := body.(*hclsyntax.Body)
	if !ok {
		return ctx
	}
	names := map[string]cty.Value{}
	for _, rp := range sb.Blocks {
		if rp.Type != "required_providers" {
			continue
		}
		for _, a := range rp.Body.Attributes {
			obj, ok := a.Expr.(*hclsyntax.ObjectConsExpr)
			if !ok {
				continue
			}
			for _, item := range obj.Items {
				if hcl.ExprAsKeyword(item.KeyExpr) == "configuration_aliases" {
					for _, t := range item.ValueExpr.Variables() {
						names[t.RootName()] = cty.DynamicVal
					}
				}
			}
		}
	}
	if len(names) == 0 {
		return ctx
	}
	child := ctx.NewChild()
	child.Variables = names
	return child
}

// terraformJSONBlocks are the labelled blocks of a terraform block that
// .tf.json writes as an object of labels (`"backend": {"s3": {...}}`): read
// by their schema, they are blocks with their label, as in HCL, rather than
// one argument holding an object.
var terraformJSONBlocks = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "backend", LabelNames: []string{"type"}},
	{Type: "provider_meta", LabelNames: []string{"provider"}},
	{Type: "cloud"},
}}

// evalJSONTerraform evaluates a terraform block written in .tf.json.
func (m *modEval) evalJSONTerraform(body hcl.Body, ctx *hcl.EvalContext) *Block {
	content, rest, diags := body.PartialContent(terraformJSONBlocks)
	if diags.HasErrors() {
		return m.evalBody(body, ctx, "", false)
	}
	blk := &Block{Attributes: map[string]*Attribute{}}
	m.evalJSONBody(blk, rest, ctx, "", false, jsonScope{})
	for _, nb := range content.Blocks {
		child := m.evalBody(nb.Body, ctx, nb.Type, false)
		child.Type, child.Labels, child.DefRange, child.Range = nb.Type, nb.Labels, nb.DefRange, nb.DefRange
		blk.Blocks = append(blk.Blocks, child)
	}
	return blk
}

// refNode names the graph node a traversal refers to, or "" when it refers to
// nothing declared in the module graph (var, path, count, each...).
func refNode(t hcl.Traversal) string {
	t = withoutResourcePrefix(t)
	root := t.RootName()
	name := func(i int) string {
		if len(t) <= i {
			return ""
		}
		if a, ok := t[i].(hcl.TraverseAttr); ok {
			return a.Name
		}
		return ""
	}
	switch root {
	case "var", "path", "count", "each", "terraform", "self":
		return ""
	case "local":
		if n := name(1); n != "" {
			return "local." + n
		}
	case "module":
		if n := name(1); n != "" {
			return "module." + n
		}
	case "data":
		if ty, n := name(1), name(2); ty != "" && n != "" {
			return "data." + ty + "." + n
		}
	default:
		if n := name(1); n != "" {
			return root + "." + n
		}
	}
	return ""
}

// withoutResourcePrefix drops the optional "resource." Terraform accepts
// before a reference to a managed resource: resource.aws_s3_bucket.b.id is
// aws_s3_bucket.b.id.
func withoutResourcePrefix(t hcl.Traversal) hcl.Traversal {
	if len(t) < 2 || t.RootName() != "resource" {
		return t
	}
	a, ok := t[1].(hcl.TraverseAttr)
	if !ok {
		return t
	}
	out := make(hcl.Traversal, 0, len(t)-1)
	out = append(out, hcl.TraverseRoot{Name: a.Name, SrcRange: a.SrcRange})
	return append(out, t[2:]...)
}

func expressionsTraversals(exprs []hcl.Expression) []hcl.Traversal {
	var out []hcl.Traversal
	for _, e := range exprs {
		out = append(out, e.Variables()...)
	}
	return out
}

// scope builds an evaluation context holding just what the traversals
// reference, so that evaluating a resource costs in proportion to its own
// references and not to the size of the module.
func (m *modEval) scope(ts []hcl.Traversal, extra map[string]cty.Value) *hcl.EvalContext {
	// Most expressions read a handful of names: the maps are made only
	// for the roots that are read, and what is not read is an empty object.
	var varObj, localObj, modObj map[string]cty.Value
	var dataObj, resObj, prefixedObj map[string]map[string]cty.Value
	put := func(m *map[string]cty.Value, name string, v cty.Value) {
		if *m == nil {
			*m = map[string]cty.Value{}
		}
		(*m)[name] = v
	}
	putTyped := func(m *map[string]map[string]cty.Value, ty, name string, v cty.Value) {
		if *m == nil {
			*m = map[string]map[string]cty.Value{}
		}
		objs := (*m)[ty]
		if objs == nil {
			objs = map[string]cty.Value{}
			(*m)[ty] = objs
		}
		objs[name] = v
	}
	vars := make(map[string]cty.Value, 4+len(extra))
	for _, t := range ts {
		root := t.RootName()
		if _, ok := extra[root]; ok {
			continue
		}
		attr := func(i int) string {
			if len(t) > i {
				if a, ok := t[i].(hcl.TraverseAttr); ok {
					return a.Name
				}
			}
			return ""
		}
		switch root {
		case "var":
			if n := attr(1); n != "" {
				if v, ok := m.vars[n]; ok {
					put(&varObj, n, v)
				}
			}
		case "local":
			if n := attr(1); n != "" {
				if v, ok := m.locals[n]; ok {
					put(&localObj, n, v)
				} else if _, declared := m.decl.locals[n]; declared {
					put(&localObj, n, cty.DynamicVal)
				}
			}
		case "module":
			if n := attr(1); n != "" {
				if v, ok := m.modules[n]; ok {
					put(&modObj, n, v)
				} else if m.hasModuleCall(n) {
					put(&modObj, n, cty.DynamicVal)
				}
			}
		case "data":
			ty, n := attr(1), attr(2)
			if ty == "" || n == "" {
				continue
			}
			if v, ok := m.res["data."+ty+"."+n]; ok {
				putTyped(&dataObj, ty, n, v)
			}
		case "resource":
			ty, n := attr(1), attr(2)
			if ty == "" || n == "" {
				continue
			}
			if v, ok := m.res[ty+"."+n]; ok {
				putTyped(&prefixedObj, ty, n, v)
			}
		case "path":
			vars["path"] = m.pathObject()
		case "terraform":
			vars["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal(m.ev.p.opts.Workspace)})
		case "count", "each", "self":
		default:
			n := attr(1)
			if n == "" {
				continue
			}
			if v, ok := m.res[root+"."+n]; ok {
				putTyped(&resObj, root, n, v)
			}
		}
	}
	vars["var"] = objectOrEmpty(varObj)
	vars["local"] = objectOrEmpty(localObj)
	vars["module"] = objectOrEmpty(modObj)
	vars["data"] = typedObjects(dataObj)
	if prefixedObj != nil {
		vars["resource"] = typedObjects(prefixedObj)
	}
	for ty, objs := range resObj {
		vars[ty] = cty.ObjectVal(objs)
	}
	for k, v := range extra {
		vars[k] = v
	}
	return &hcl.EvalContext{Variables: vars, Functions: m.ev.funcs}
}

// typedObjects is the object of instances by type and name that data. and
// resource. references read.
func typedObjects(byType map[string]map[string]cty.Value) cty.Value {
	if len(byType) == 0 {
		return cty.EmptyObjectVal
	}
	out := make(map[string]cty.Value, len(byType))
	for ty, objs := range byType {
		out[ty] = cty.ObjectVal(objs)
	}
	return cty.ObjectVal(out)
}

// objectOrEmpty is cty.ObjectVal(attrs), without building a new type for
// no attributes.
func objectOrEmpty(attrs map[string]cty.Value) cty.Value {
	if len(attrs) == 0 {
		return cty.EmptyObjectVal
	}
	return cty.ObjectVal(attrs)
}

func (m *modEval) hasModuleCall(name string) bool {
	for _, mc := range m.decl.modules {
		if mc.name == name {
			return true
		}
	}
	return false
}

func (m *modEval) pathObject() cty.Value {
	rel, err := filepath.Rel(m.ev.rootAbs, m.dm.abs)
	if err != nil {
		rel = m.dm.abs
	}
	return cty.ObjectVal(map[string]cty.Value{
		"module": cty.StringVal(filepath.ToSlash(rel)),
		"root":   cty.StringVal("."),
		"cwd":    cty.StringVal(filepath.ToSlash(m.ev.rootAbs)),
	})
}

// eval evaluates an expression. Whatever goes wrong — an unknown function, a
// type error, a panic deep in a function — yields an unknown value, never a
// crash and never a finding.
func (m *modEval) eval(expr hcl.Expression, ctx *hcl.EvalContext) (v cty.Value) {
	defer func() {
		if r := recover(); r != nil {
			rng := expr.Range()
			m.ev.warn(&rng, "Evaluation failure", fmt.Sprintf("evaluating this expression failed (%v); its value is treated as unknown", r))
			v = cty.DynamicVal
		}
	}()
	if m.forTooLarge(expr, ctx) { // bounds.go
		return cty.DynamicVal
	}
	val, diags := expr.Value(ctx)
	if diags.HasErrors() {
		if m.standIn {
			return cty.DynamicVal
		}
		for _, d := range diags {
			if d.Severity == hcl.DiagError {
				m.ev.warn(d.Subject, "Evaluation: "+d.Summary, d.Detail)
				break
			}
		}
		return cty.DynamicVal
	}
	return val
}

// instanceKeys expands count or for_each. known is false when the collection
// cannot be known at scan time.
type instanceKey struct {
	key   cty.Value
	each  cty.Value // each.value, for for_each
	count bool
}

func (m *modEval) expand(count, forEach hcl.Expression, ctx *hcl.EvalContext, what string) (keys []instanceKey, single, known bool) {
	switch {
	case count != nil:
		v, _ := m.eval(count, ctx).UnmarkDeep()
		if v.IsNull() {
			return nil, true, true
		}
		n, ok := ctyInt(v)
		if !ok {
			return nil, false, false
		}
		if n < 0 {
			n = 0
		}
		if n > int64(m.ev.p.opts.MaxInstances) {
			rng := count.Range()
			m.ev.diags = append(m.ev.diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Too many instances",
				Detail: fmt.Sprintf("%s has count = %d, over the limit of %d instances; only the first %d are scanned (raise it with --max-instances).", what, n, m.ev.p.opts.MaxInstances, m.ev.p.opts.MaxInstances), Subject: &rng})
			n = int64(m.ev.p.opts.MaxInstances)
		}
		for i := int64(0); i < n; i++ {
			keys = append(keys, instanceKey{key: cty.NumberIntVal(i), count: true})
		}
		return keys, false, true
	case forEach != nil:
		// each.value keeps its marks, so that for_each over another
		// resource's instances still links each instance back to them.
		v := m.eval(forEach, ctx)
		v, marks := v.Unmark()
		if v.IsNull() {
			return nil, false, true
		}
		// A map's keys are known whenever the map is; its values may be
		// unknown (for_each = aws_s3_bucket.b) and that is fine.
		if !v.IsKnown() {
			// each.value still refers to whatever the collection came from.
			return []instanceKey{{each: cty.DynamicVal.WithMarks(marks)}}, false, false
		}
		t := v.Type()
		switch {
		case t.IsMapType() || t.IsObjectType():
			for it := v.ElementIterator(); it.Next(); {
				k, ev := it.Element()
				k, _ = k.Unmark()
				keys = append(keys, instanceKey{key: k, each: ev})
			}
		case t.IsSetType() || t.IsListType() || t.IsTupleType():
			for it := v.ElementIterator(); it.Next(); {
				_, ev := it.Element()
				ev, _ = ev.UnmarkDeep()
				s, ok := ctyString(ev)
				if !ok {
					return nil, false, false
				}
				keys = append(keys, instanceKey{key: cty.StringVal(s), each: cty.StringVal(s)})
			}
		default:
			return nil, false, false
		}
		sort.SliceStable(keys, func(i, j int) bool { return keys[i].key.AsString() < keys[j].key.AsString() })
		if len(keys) > m.ev.p.opts.MaxInstances {
			rng := forEach.Range()
			m.ev.diags = append(m.ev.diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Too many instances",
				Detail: fmt.Sprintf("%s has %d for_each elements, over the limit of %d; only the first %d are scanned (raise it with --max-instances).", what, len(keys), m.ev.p.opts.MaxInstances, m.ev.p.opts.MaxInstances), Subject: &rng})
			keys = keys[:m.ev.p.opts.MaxInstances]
		}
		return keys, false, true
	}
	return nil, true, true
}

// keyString renders an instance key the way Terraform writes addresses.
func keyString(k cty.Value) string {
	if k == cty.NilVal {
		return ""
	}
	if k.Type() == cty.Number {
		bf := k.AsBigFloat()
		i, _ := bf.Int64()
		return fmt.Sprintf("[%d]", i)
	}
	return "[" + quoteKey(k.AsString()) + "]"
}

// quoteKey quotes a for_each key as Terraform does in addresses.
func quoteKey(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func (m *modEval) prefix() string {
	if m.mod.Path == "" {
		return ""
	}
	return m.mod.Path + "."
}

func (m *modEval) evalResource(r *resourceDecl) {
	if m.shedding {
		// The body is not read again: the model parses an argument's
		// expression again from the file when a check asks for it.
		defer func() { r.block.Body = nil }()
	}
	ts := m.graph.reads[r.key]
	base := m.prefix() + r.key
	metaCtx := m.scope(ts, nil)
	keys, single, known := m.expand(r.count, r.forEach, metaCtx, base)
	if m.ev.budget <= 0 {
		rng := r.block.DefRange
		m.ev.warn(&rng, "Too many instances", "the configuration expands to more instances than onus evaluates in one root; the rest are skipped (raise --max-instances)")
		m.res[r.key] = cty.DynamicVal
		return
	}
	mk := func(key cty.Value, extra map[string]cty.Value, keyUnknown bool) *Resource {
		addr := base + keyString(key)
		// The instance sees what count and for_each saw, and its own
		// count or each.
		ctx := metaCtx
		if extra != nil {
			ctx = metaCtx.NewChild()
			ctx.Variables = extra
		}
		body := m.evalResourceBody(r.mode, r.typ, r.block.Body, ctx)
		body.Type, body.Labels, body.DefRange, body.Range = string(r.mode), r.block.Labels, r.block.DefRange, bodyRange(r.block)
		normalizeBody(r.mode, r.typ, body)
		res := &Resource{Mode: r.mode, Type: r.typ, Name: r.name, Key: key, Address: addr, Module: m.mod, Body: body, KeyUnknown: keyUnknown}
		setOwner(body, res)
		m.mod.Resources = append(m.mod.Resources, res)
		m.ev.take()
		return res
	}
	// What other expressions see of an instance; a resource nothing in
	// the module reads needs no object built.
	object := m.instanceObject
	if !m.graph.referenced[r.key] {
		object = func(*Resource) cty.Value { return cty.DynamicVal }
	}
	switch {
	case !known:
		was := m.standIn
		extra := map[string]cty.Value{}
		if r.count != nil {
			extra["count"] = cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)})
		} else {
			each := cty.DynamicVal
			if len(keys) == 1 && keys[0].each != cty.NilVal {
				each = keys[0].each
			}
			extra["each"] = cty.ObjectVal(map[string]cty.Value{"key": cty.UnknownVal(cty.String), "value": each})
		}
		m.standIn = true
		mk(cty.NilVal, extra, true)
		m.standIn = was
		m.res[r.key] = cty.DynamicVal.Mark(Ref{Address: base})
	case single:
		res := mk(cty.NilVal, nil, false)
		m.res[r.key] = object(res)
	case r.count != nil:
		vals := make([]cty.Value, 0, len(keys))
		for _, k := range keys {
			res := mk(k.key, map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": k.key})}, false)
			vals = append(vals, object(res))
		}
		m.res[r.key] = cty.TupleVal(vals)
	default:
		vals := map[string]cty.Value{}
		for _, k := range keys {
			res := mk(k.key, map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": k.key, "value": k.each})}, false)
			vals[k.key.AsString()] = object(res)
		}
		m.res[r.key] = cty.ObjectVal(vals)
	}
}

// instanceObject is what other expressions see of a resource instance: its
// known arguments and blocks, and unknown values for the attributes that are
// read but only the provider knows (id, arn...). Every part is marked with a
// Ref back to the instance.
func (m *modEval) instanceObject(r *Resource) cty.Value {
	sets := []map[string]bool{m.accessed[r.Type], m.accessed["*"]}
	if m.accessed[wholeObjects][r.Type] {
		// The object leaves through an output, a local or a module
		// argument and may be read where no name accessed here says
		// what: every attribute the provider schema has is there, and id
		// and arn when the schema is not known.
		obj := blockObject(r.Body, r.Address, append(sets, instanceIdentity), nil)
		completeInstanceObject(r.Mode, r.Type, r.Address, obj)
		return cty.ObjectVal(obj)
	}
	// Only the names some expression reads can be read: the rest of the
	// configuration need not be copied into the object, nor an unknown id
	// nobody reads.
	read := func(name string) bool {
		for _, set := range sets {
			if set[name] {
				return true
			}
		}
		return false
	}
	return cty.ObjectVal(blockObject(r.Body, r.Address, sets, read))
}

// instanceIdentity holds the attributes every instance object carries,
// read or not.
var instanceIdentity = map[string]bool{"id": true, "arn": true}

// blockObject turns an evaluated block into an object value. Names in sets
// that the block does not configure are added as unknown: they are computed
// attributes (a cluster's security group id, a bucket's arn) that some
// expression reads. When read is set, only the arguments and blocks it
// accepts are taken (nested blocks are taken whole).
func blockObject(b *Block, addr string, sets []map[string]bool, read func(name string) bool) map[string]cty.Value {
	obj := map[string]cty.Value{}
	defer func() {
		for _, set := range sets {
			for name := range set {
				if _, ok := obj[name]; !ok {
					obj[name] = cty.DynamicVal.Mark(Ref{Address: addr, Attr: name})
				}
			}
		}
	}()
	for name, a := range b.Attributes {
		if a.Value.IsNull() || (read != nil && !read(name)) {
			continue
		}
		// One set of marks, not one copy of it per mark.
		marks := make(cty.ValueMarks, len(a.Refs)+2)
		for _, ref := range a.Refs {
			marks[ref] = struct{}{}
		}
		if a.JSON != nil {
			marks[a.JSON] = struct{}{}
		}
		marks[Ref{Address: addr, Attr: topName(a.Path, name)}] = struct{}{}
		obj[name] = a.Value.WithMarks(marks)
	}
	groups := map[string][]cty.Value{}
	var order []string
	for _, nb := range b.Blocks {
		if read != nil && !read(nb.Type) {
			continue
		}
		if _, ok := groups[nb.Type]; !ok {
			order = append(order, nb.Type)
		}
		if nb.Unknown {
			groups[nb.Type] = append(groups[nb.Type], cty.DynamicVal)
			continue
		}
		groups[nb.Type] = append(groups[nb.Type], cty.ObjectVal(blockObject(nb, addr, sets, nil)))
	}
	for _, ty := range order {
		if _, clash := obj[ty]; clash {
			continue
		}
		obj[ty] = cty.TupleVal(groups[ty]).Mark(Ref{Address: addr, Attr: ty})
	}
	return obj
}

func topName(path, name string) string {
	if i := strings.IndexAny(path, ".["); i > 0 {
		return path[:i]
	}
	return name
}

// accessedAttributes collects, per resource type, the attribute names read
// after `type.name[key].` anywhere in the module, and the names read from
// values of unknown origin (for-expression symbols, splats) under "*". g is
// the module's graph being built: its nodes' and outputs' traversals, and
// blockReads those of provider and terraform blocks.
func accessedAttributes(dm *dirModule, g *moduleGraph, blockReads []hcl.Traversal) map[string]map[string]bool {
	out := map[string]map[string]bool{"*": {}}
	types := map[string]bool{}
	for _, r := range dm.decl.resources {
		types[r.typ] = true
	}
	add := func(ty, name string) {
		if out[ty] == nil {
			out[ty] = map[string]bool{}
		}
		out[ty][name] = true
	}
	// byName records the names a traversal reads but never takes what it
	// reaches whole.
	byName := func(ty, name string) {
		if ty != wholeObjects {
			add(ty, name)
		}
	}
	// `for_each = aws_s3_bucket.b` takes the instances whole, but the
	// resource reads them through each.value.<name> only, which the "*"
	// names hold, unless it uses each.value whole too.
	forEach := map[*hclsyntax.ScopeTraversalExpr]bool{}
	for _, r := range dm.decl.resources {
		if st, ok := r.forEach.(*hclsyntax.ScopeTraversalExpr); ok {
			forEach[st] = !slices.ContainsFunc(g.reads[r.key], eachValueWhole)
		}
	}
	// aws_subnet.a[*].id reads the instances by name too: the names after
	// the splat are read from values of unknown origin ("*").
	splatted := map[*hclsyntax.ScopeTraversalExpr]bool{}
	jsonSeen := false
	for _, f := range dm.files {
		if f.HCL == nil {
			continue
		}
		body, ok := f.HCL.Body.(*hclsyntax.Body)
		if !ok {
			// A .tf.json file has no syntax tree to walk: every traversal
			// the module declares is read instead, once.
			if !jsonSeen {
				jsonSeen = true
				for _, ts := range append(slices.Collect(maps.Values(g.reads)), blockReads) {
					for _, t := range ts {
						traversalNames(t, types, add)
					}
				}
			}
			continue
		}
		_ = hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
			switch e := n.(type) {
			case *hclsyntax.SplatExpr:
				if src, ok := e.Source.(*hclsyntax.ScopeTraversalExpr); ok && splatReadsByName(e) {
					splatted[src] = true
				}
			case *hclsyntax.ScopeTraversalExpr:
				if splatted[e] {
					traversalNames(e.Traversal, types, byName)
					return nil
				}
				if forEach[e] {
					traversalNames(e.Traversal, types, byName)
					return nil
				}
				traversalNames(e.Traversal, types, add)
			case *hclsyntax.RelativeTraversalExpr:
				for _, step := range e.Traversal {
					if a, ok := step.(hcl.TraverseAttr); ok {
						add("*", a.Name)
					}
				}
			}
			return nil
		})
	}
	return out
}

// splatReadsByName reports whether a splat reads an attribute of each
// element (x[*].name) rather than the elements themselves (x[*]).
func splatReadsByName(e *hclsyntax.SplatExpr) bool {
	rel, ok := e.Each.(*hclsyntax.RelativeTraversalExpr)
	if !ok || len(rel.Traversal) == 0 {
		return false
	}
	if _, anon := rel.Source.(*hclsyntax.AnonSymbolExpr); !anon {
		return false
	}
	_, attr := rel.Traversal[0].(hcl.TraverseAttr)
	return attr
}

// eachValueWhole reports whether t reads each.value (or each) without
// naming an attribute of it.
func eachValueWhole(t hcl.Traversal) bool {
	if t.RootName() != "each" {
		return false
	}
	if len(t) < 2 {
		return true
	}
	if a, ok := t[1].(hcl.TraverseAttr); !ok || a.Name != "value" {
		return false
	}
	for _, step := range t[2:] {
		if _, ok := step.(hcl.TraverseAttr); ok {
			return false
		}
	}
	return true
}

func traversalNames(t hcl.Traversal, types map[string]bool, add func(ty, name string)) {
	t = withoutResourcePrefix(t)
	root := t.RootName()
	start := 2
	ty := root
	if !types[root] && !specialRoots[root] {
		// A for-expression symbol or a dynamic iterator: the value may be a
		// resource instance of any type.
		for _, step := range t[1:] {
			if a, ok := step.(hcl.TraverseAttr); ok {
				add("*", a.Name)
			}
		}
		return
	}
	switch root {
	case "var", "local", "path", "count", "terraform", "self", "module":
		return
	case "each":
		for _, step := range t[1:] {
			if a, ok := step.(hcl.TraverseAttr); ok && a.Name != "key" && a.Name != "value" {
				add("*", a.Name)
			}
		}
		return
	case "data":
		start = 3
		if len(t) > 1 {
			if a, ok := t[1].(hcl.TraverseAttr); ok {
				ty = a.Name
			}
		}
	}
	// Every name after the instance may be read from it or from one of its
	// nested blocks (aws_eks_cluster.this.vpc_config[0].cluster_security_group_id).
	named := false
	for i := start; i < len(t); i++ {
		if a, ok := t[i].(hcl.TraverseAttr); ok {
			add(ty, a.Name)
			named = true
		}
	}
	if !named {
		// The whole instance (an output, a local, a module argument): it
		// may be read anywhere, by any name.
		add(wholeObjects, ty)
	}
}

// wholeObjects is the key, in accessed attributes, of the resource types
// some expression takes whole rather than by attribute.
const wholeObjects = "!whole"

var specialRoots = map[string]bool{
	"var": true, "local": true, "path": true, "count": true, "terraform": true,
	"self": true, "module": true, "each": true, "data": true,
}

func bodyRange(b *hcl.Block) hcl.Range {
	if sb, ok := b.Body.(*hclsyntax.Body); ok {
		return hcl.RangeBetween(b.DefRange, sb.SrcRange)
	}
	return b.DefRange
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// convertVariable applies a variable's type constraint and optional-attribute
// defaults, as Terraform does before the value is used.
func convertVariable(v cty.Value, decl *varDecl) (out cty.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = cty.UnknownVal(decl.typ), fmt.Errorf("%v", r)
		}
	}()
	if v.IsNull() && !decl.nullable && decl.def != nil {
		return cty.NullVal(decl.typ), nil
	}
	if decl.defaults != nil && !v.IsNull() {
		v = decl.defaults.Apply(v)
	}
	c, err := convert.Convert(v, decl.typ)
	if err != nil {
		return cty.UnknownVal(decl.typ), err
	}
	return c, nil
}
