package analyzer

import (
	"fmt"
	"maps"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
)

// evalNode is one thing a module evaluates: a local, a resource or data
// source, or a module call (call is set).
type evalNode struct {
	name string
	eval func()
	rng  hcl.Range
	call *moduleCallDecl
}

// waveBudget is the instance budget a wave started with and what its calls
// took together.
type waveBudget struct {
	cap   int64
	taken atomic.Int64
}

// take counts one instance against the budget. A call in a wave that finds
// the wave as a whole past the budget stops taking (its budget drops to
// zero): the wave is then evaluated again one call at a time.
func (ev *evaluator) take() {
	ev.budget--
	for _, w := range ev.waves {
		if w.taken.Add(1) > w.cap {
			ev.budget = 0
		}
	}
}

// readyModuleCalls returns the module calls among the ready nodes, when
// spare goroutines could evaluate them side by side.
func (m *modEval) readyModuleCalls(ready []string, done map[string]bool, nodes map[string]*evalNode) []string {
	// A module with one call or none never has a wave.
	if cap(m.ev.slots) == 0 || len(m.decl.modules) < 2 {
		return nil
	}
	// ready is sorted, and module calls, named "module.<name>", sit
	// together in it: a module of ten thousand resources is not searched
	// through each time a node is taken.
	var wave []string
	for i := sort.SearchStrings(ready, "module."); i < len(ready) && strings.HasPrefix(ready[i], "module."); i++ {
		name := ready[i]
		if !done[name] && nodes[name].call != nil && !slices.Contains(wave, name) {
			wave = append(wave, name)
		}
	}
	return wave
}

// waveRun is one module call of a wave, evaluated against a fork of the
// evaluator: its own diagnostics and budget, its own copy of the calling
// module's module outputs and children, merged back in order afterwards.
type waveRun struct {
	name string
	fm   *modEval
	mod  *Module
}

// runWave evaluates module calls that depend on nothing still pending, at
// the same time. Each call sees the calling module as it stands (nothing
// else of it runs meanwhile) and writes only to its fork; the forks are then
// merged in name order, so the result is the one evaluating them one after
// another gives, whatever the scheduling. The instance budget is the one
// thing a call could take from another: when the wave as a whole used more
// than was left, nothing of it is kept and runWave returns false, for the
// caller to go on one call at a time, exactly as without the wave.
func (m *modEval) runWave(wave []string, nodes map[string]*evalNode) bool {
	runs := make([]*waveRun, len(wave))
	budget := m.ev.budget
	wb := &waveBudget{cap: int64(budget)}
	waves := append(slices.Clone(m.ev.waves), wb)
	var wg sync.WaitGroup
	for i, name := range wave {
		// Everything the evaluator holds, but diagnostics of its own.
		fork := new(evaluator)
		*fork = *m.ev
		fork.diags, fork.waves = nil, waves
		mod := *m.mod
		mod.Children = nil
		fm := *m
		fm.ev, fm.mod, fm.modules = fork, &mod, maps.Clone(m.modules)
		r := &waveRun{name: name, fm: &fm, mod: &mod}
		runs[i] = r
		work := func() {
			// The call's directories may let go of their syntax as soon as
			// it is done, before the wave is: if the wave is evaluated
			// again, they are parsed again.
			defer m.callDone(name)
			defer func() {
				if p := recover(); p != nil {
					rng := nodes[name].rng
					fork.diags = append(fork.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Internal error",
						Detail: fmt.Sprintf("evaluating this module call failed: %v\n%s", p, debug.Stack()), Subject: &rng})
					r.fm.skip(name)
				}
			}()
			if fork.expired(nodes[name].rng) {
				r.fm.skip(name)
				return
			}
			r.fm.evalModuleCall(nodes[name].call)
		}
		// The last call, and any call no spare goroutine is free for, runs
		// here.
		if i < len(wave)-1 {
			select {
			case m.ev.slots <- struct{}{}:
				wg.Add(1)
				go func() {
					defer func() { <-m.ev.slots; wg.Done() }()
					work()
				}()
				continue
			default:
			}
		}
		work()
	}
	wg.Wait()

	used := 0
	for _, r := range runs {
		used += budget - r.fm.ev.budget
	}
	if used > budget || wb.taken.Load() > wb.cap {
		return false
	}
	for _, r := range runs {
		f := r.fm.ev
		m.ev.diags = append(m.ev.diags, f.diags...)
		m.ev.budget -= budget - f.budget
		m.ev.timedOut = m.ev.timedOut || f.timedOut
		m.ev.budgetWarned = m.ev.budgetWarned || f.budgetWarned
		call := strings.TrimPrefix(r.name, "module.")
		m.modules[call] = r.fm.modules[call]
		for _, c := range r.mod.Children {
			c.Parent = m.mod
			m.mod.Children = append(m.mod.Children, c)
		}
	}
	return true
}

// callName is the name of the module call a module instance comes from:
// "net" for module.a.module.net["x"].
func callName(m *Module) string {
	p := m.Path
	if m.Parent != nil && m.Parent.Path != "" {
		p = strings.TrimPrefix(p, m.Parent.Path+".")
	}
	p = strings.TrimPrefix(p, "module.")
	if i := strings.IndexByte(p, '['); i >= 0 {
		p = p[:i]
	}
	return p
}
