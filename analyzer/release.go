package analyzer

import (
	"slices"
	"strings"
)

// A scan holds every file's syntax tree from parsing to the end of
// evaluation, though a module's tree is read only while the module is
// evaluated: once its last evaluation is done, nothing of it is needed (the
// evaluated model parses an argument's expression again from the file's
// bytes when a check asks for it, Attribute.Expr). Letting go of it as soon
// as possible (the bodies, blocks and expressions, the declarations and the
// dependency graph) is what keeps a large scan's peak memory close to its
// parse.
//
// Before a Run evaluates, every root module's calls are walked the way the
// evaluator will take them. A directory is counted once for each root that
// is it and once for each module call of a root module under which it is
// evaluated; whatever the counts and for_each below that call, all of its
// evaluations happen while that call is evaluated. When the call is done
// the count drops, and at zero the syntax goes. A directory the walk did
// not foresee is never counted and never let go; one let go too early is
// parsed again when needed (dirModule.syntax), so a wrong count costs time,
// never a result.

// A directory the walk reaches once, through calls without count or
// for_each, is evaluated once: its evaluation lets go of the files' trees
// as soon as it has the declarations and graph, and of each resource's and
// module call's body as soon as that is evaluated, so that a large module
// holds less and less syntax as it goes.

// maxReleaseWalk bounds the walk of module calls; past it (a tree of
// calls that multiplies at every level) nothing is let go early.
const maxReleaseWalk = 100000

// planRelease counts the evaluations of every directory ahead of Evaluate
// and gives each root's evaluator the directories to let go after each of
// its module calls. It reports false, counting nothing, when the walk is
// too large.
func (p *Project) planRelease() (map[string]map[string][]*dirModule, bool) {
	plans := map[string]map[string][]*dirModule{}
	steps := 0
	// visits counts the evaluations of each directory the walk foresees,
	// counting a call with count or for_each as many.
	visits := map[*dirModule]int{}
	for _, rootAbs := range p.roots {
		ev := &evaluator{p: p, rootAbs: rootAbs}
		root := p.dir(rootAbs)
		byCall := map[string][]*dirModule{}
		var walk func(dm *dirModule, key string, depth int, ancestry []string, under map[*dirModule]bool) bool
		walk = func(dm *dirModule, key string, depth int, ancestry []string, under map[*dirModule]bool) bool {
			for _, mc := range dm.declarations().modules {
				if steps++; steps > maxReleaseWalk {
					return false
				}
				child, childKey, ok := ev.callee(dm, mc, key, depth, ancestry)
				if !ok {
					continue
				}
				visits[child]++
				if mc.count != nil || mc.forEach != nil || visits[dm] > 1 {
					visits[child]++
				}
				if under == nil {
					set := map[*dirModule]bool{child: true}
					if !walk(child, childKey, depth+1, append(slices.Clip(ancestry), child.abs), set) {
						return false
					}
					byCall[mc.name] = sortedDirs(set)
					continue
				}
				under[child] = true
				if !walk(child, childKey, depth+1, append(slices.Clip(ancestry), child.abs), under) {
					return false
				}
			}
			return true
		}
		visits[root]++
		if !walk(root, "", 0, []string{root.abs}, nil) {
			return nil, false
		}
		plans[rootAbs] = byCall
	}
	p.mu.Lock()
	for _, dm := range p.dirs {
		dm.evaluatedOnce = visits[dm] == 1
	}
	p.mu.Unlock()
	for _, rootAbs := range p.roots {
		p.dir(rootAbs).pending.Add(1)
		for _, dms := range plans[rootAbs] {
			for _, dm := range dms {
				dm.pending.Add(1)
			}
		}
	}
	return plans, true
}

// callee resolves a module call the way evalModuleCall does, quietly: the
// directory it evaluates and its module key, or false when the evaluator
// would skip the call (no source, a cycle, too deep).
func (ev *evaluator) callee(dm *dirModule, mc *moduleCallDecl, key string, depth int, ancestry []string) (*dirModule, string, bool) {
	childKey := mc.name
	if key != "" {
		childKey = key + "." + mc.name
	}
	m := &modEval{ev: ev, dm: dm}
	abs, ok := m.resolveSource(mc, childKey)
	ev.diags = nil
	if !ok {
		return nil, "", false
	}
	child := ev.p.dir(abs)
	for _, a := range ancestry {
		if a == child.abs || ev.p.sameDir(a) == child.abs {
			return nil, "", false
		}
	}
	if depth+1 > ev.p.opts.MaxModuleDepth {
		return nil, "", false
	}
	return child, childKey, true
}

func sortedDirs(set map[*dirModule]bool) []*dirModule {
	out := make([]*dirModule, 0, len(set))
	for dm := range set {
		out = append(out, dm)
	}
	slices.SortFunc(out, func(a, b *dirModule) int { return strings.Compare(a.abs, b.abs) })
	return out
}

// callDone is told when the module evaluation m has finished a node: after
// a module call of a root module, the directories evaluated under it are
// one evaluation closer to letting go of their syntax.
func (m *modEval) callDone(node string) {
	if m.depth != 0 || m.ev.afterCall == nil || !strings.HasPrefix(node, "module.") {
		return
	}
	for _, dm := range m.ev.afterCall[strings.TrimPrefix(node, "module.")] {
		m.ev.evaluated(dm)
	}
}

// evaluated counts one planned evaluation of dm as done, letting go of its
// syntax after the last.
func (ev *evaluator) evaluated(dm *dirModule) {
	if ev.afterCall == nil {
		return
	}
	if dm.pending.Add(-1) == 0 {
		dm.release()
	}
}

// release lets go of the directory's syntax trees, declarations and graph.
func (dm *dirModule) release() {
	dm.mu.Lock()
	defer dm.mu.Unlock()
	dm.decl, dm.graph, dm.released = nil, nil, true
	for _, f := range dm.files {
		f.HCL = nil
	}
}
