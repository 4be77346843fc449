package analyzer

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
)

// moduleGraph is what evaluating a module needs to know about its source
// and is the same for every call of the module: the expressions of each
// node (local, resource, module call), which nodes each depends on and is
// used by, and the attribute names read per resource type. A module called
// a thousand times walks its syntax trees once.
type moduleGraph struct {
	deps     map[string][]string
	users    map[string][]string
	accessed map[string]map[string]bool
	// referenced holds the nodes some expression of the module reads: a
	// resource no expression reads needs no object for others to see.
	referenced map[string]bool
	// reads holds the traversals of each node's expressions and of each
	// output ("output.<name>"): what a scope for it must hold.
	reads map[string][]hcl.Traversal
	// kept holds the nodes outputs and provider or terraform blocks read:
	// they are evaluated last, so those values are kept to the end.
	kept map[string]bool
}

// syntax returns what an evaluation of the module reads of its source: its
// declarations and its graph, worked out on first use and shared by
// concurrent evaluations, which never change them. A directory whose
// syntax was let go (release.go) is parsed again, quietly: its
// diagnostics were reported the first time.
func (dm *dirModule) syntax() (*moduleDecl, *moduleGraph) {
	dm.mu.Lock()
	defer dm.mu.Unlock()
	dm.reparse()
	if dm.graph == nil {
		dm.graph = buildModuleGraph(dm)
	}
	return dm.decl, dm.graph
}

// declarations returns the module's declarations, parsing its files again
// if they were let go.
func (dm *dirModule) declarations() *moduleDecl {
	dm.mu.Lock()
	defer dm.mu.Unlock()
	dm.reparse()
	return dm.decl
}

// reparse parses a released directory again; dm.mu is held.
func (dm *dirModule) reparse() {
	if !dm.released {
		return
	}
	for _, f := range dm.files {
		_ = f.parse()
	}
	dm.decl = declare(dm.files, func(*hcl.Diagnostic) {})
	dm.released = false
}

func buildModuleGraph(dm *dirModule) *moduleGraph {
	d := dm.decl
	g := &moduleGraph{deps: map[string][]string{}, users: map[string][]string{}}
	// The expressions of each node, only while the graph is built: the
	// evaluation reads the nodes' syntax from the declarations, which let
	// go of each as soon as it is evaluated (release.go).
	exprs := map[string][]hcl.Expression{}
	for name, a := range d.locals {
		exprs["local."+name] = []hcl.Expression{a.Expr}
	}
	for _, r := range d.resources {
		exprs[r.key] = bodyExpressions(r.block.Body)
	}
	for _, mc := range d.modules {
		var call []hcl.Expression
		for _, n := range sortedKeys(mc.args) {
			call = append(call, mc.args[n].Expr)
		}
		if mc.count != nil {
			call = append(call, mc.count)
		}
		if mc.forEach != nil {
			call = append(call, mc.forEach)
		}
		exprs["module."+mc.name] = call
	}
	// Names in sorted order, so that users lists do not depend on map
	// iteration.
	g.reads = make(map[string][]hcl.Traversal, len(exprs)+len(d.outputs))
	for _, name := range sortedKeys(exprs) {
		seen := map[string]bool{}
		ts := expressionsTraversals(exprs[name])
		g.reads[name] = ts
		for _, t := range ts {
			dep := refNode(t)
			if _, node := exprs[dep]; node && dep != name && !seen[dep] {
				seen[dep] = true
				g.deps[name] = append(g.deps[name], dep)
				g.users[dep] = append(g.users[dep], name)
			}
		}
		sort.Strings(g.deps[name])
	}
	g.referenced = map[string]bool{}
	for dep := range g.users {
		g.referenced[dep] = true
	}
	var others []hcl.Traversal
	for name, a := range d.outputs {
		ts := a.Expr.Variables()
		g.reads["output."+name] = ts
		others = append(others, ts...)
	}
	var blocks []hcl.Expression
	for _, b := range append(append([]*hcl.Block(nil), d.providers...), d.terraform...) {
		blocks = append(blocks, bodyExpressions(b.Body)...)
	}
	blockReads := expressionsTraversals(blocks)
	g.kept = map[string]bool{}
	for _, t := range append(others, blockReads...) {
		if dep := refNode(t); dep != "" {
			g.referenced[dep] = true
			g.kept[dep] = true
		}
	}
	g.accessed = accessedAttributes(dm, g, blockReads)
	return g
}
