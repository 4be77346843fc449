package analyzer

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"runtime/debug"
	"sort"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"
	"golang.org/x/sync/errgroup"
)

// RunOptions configure a run of the checks.
type RunOptions struct {
	// Now is the scan date: it decides expired ignores and date-based checks.
	Now time.Time
}

// Evaluate evaluates every root module of the project, concurrently, and
// returns their configurations in root order with the diagnostics found.
func (p *Project) Evaluate(ctx context.Context) ([]*Config, hcl.Diagnostics) {
	return p.evaluate(ctx, false)
}

// evaluate is Evaluate; with release, each directory lets go of its syntax
// trees as soon as its last evaluation is done (release.go).
func (p *Project) evaluate(ctx context.Context, release bool) ([]*Config, hcl.Diagnostics) {
	var plans map[string]map[string][]*dirModule
	if release {
		plans, _ = p.planRelease()
	}
	cfgs := make([]*Config, len(p.roots))
	diags := make([]hcl.Diagnostics, len(p.roots))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(p.opts.Parallelism)
	// Cores that the roots leave idle go to module calls within a root.
	var slots chan struct{}
	if spare := p.opts.Parallelism - len(p.roots); spare > 0 {
		slots = make(chan struct{}, spare)
	}
	for i, root := range p.roots {
		g.Go(func() error {
			if gctx.Err() != nil {
				return nil
			}
			defer func() {
				if r := recover(); r != nil {
					rng := hcl.Range{Filename: p.displayName(root)}
					diags[i] = append(diags[i], &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Internal error",
						Detail: fmt.Sprintf("evaluating this module failed: %v\n%s", r, debug.Stack()), Subject: &rng})
				}
			}()
			cfgs[i], diags[i] = p.evaluateRoot(root, slots, plans[root])
			return nil
		})
	}
	_ = g.Wait()
	var out []*Config
	var all hcl.Diagnostics
	for i := range cfgs {
		if cfgs[i] != nil {
			out = append(out, cfgs[i])
		}
		all = append(all, diags[i]...)
	}
	return out, all
}

// Run evaluates the project, runs the checks over every configuration and
// returns the sorted, deduplicated findings with ignores applied.
func (p *Project) Run(ctx context.Context, checks []*Check, opts RunOptions) *Result {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	cfgs, evalDiags := p.evaluate(ctx, true)
	p.releaseSyntax()
	res := &Result{}
	p.mu.Lock()
	res.Diagnostics = append(res.Diagnostics, p.diags...)
	res.Files = len(p.files)
	p.mu.Unlock()
	res.Diagnostics = append(res.Diagnostics, evalDiags...)
	for _, c := range cfgs {
		for _, m := range c.Modules {
			res.Resources += len(m.Resources)
		}
	}
	runs, checkDiags := runChecks(ctx, cfgs, checks, opts)
	res.Diagnostics = append(res.Diagnostics, checkDiags...)
	var findings []Finding
	for _, r := range runs {
		findings = append(findings, r.findings...)
		r.findings = nil
	}
	findings = dedupe(findings)
	res.runs = runs
	res.configs = cfgs
	res.targets = p.targets
	findings = p.locate(findings, opts.Now, &res.Diagnostics)
	if p.targets != nil {
		findings = filterFindings(findings, p.targets)
		var kept hcl.Diagnostics
		for _, d := range res.Diagnostics {
			if d.Subject == nil || p.targets[d.Subject.Filename] {
				kept = append(kept, d)
			}
		}
		res.Diagnostics = kept
	}
	res.Findings = findings
	res.Diagnostics = settleDiagnostics(res.Diagnostics)
	return res
}

// releaseSyntax lets go of what only evaluation reads, before the checks
// run, in the directories that did not during evaluation (release.go). The
// checks read the source through the evaluated model, which parses an
// argument's expression again when asked.
func (p *Project) releaseSyntax() {
	p.mu.Lock()
	dms := make([]*dirModule, 0, len(p.dirs))
	for _, dm := range p.dirs {
		dms = append(dms, dm)
	}
	p.mu.Unlock()
	for _, dm := range dms {
		dm.release()
	}
}

// locate applies the source's ignore comments to findings and gives each
// its source line, with the secret it names masked and cut to a bounded
// length: what every scan that has the configuration's files does.
func (p *Project) locate(findings []Finding, now time.Time, diags *hcl.Diagnostics) []Finding {
	findings = p.applyIgnores(findings, now, diags)
	for i := range findings {
		findings[i].Snippet = truncateSnippet(MaskSnippet(p.sourceLine(findings[i].Range), findings[i].Secret))
	}
	return findings
}

// settleDiagnostics sorts diagnostics and bounds how many a file reports
// (outputbounds.go).
func settleDiagnostics(ds hcl.Diagnostics) hcl.Diagnostics {
	sortDiagnostics(ds)
	return capDiagnostics(ds)
}

func filterFindings(fs []Finding, files map[string]bool) []Finding {
	var out []Finding
	for _, f := range fs {
		if files[f.Range.Filename] {
			out = append(out, f)
		}
	}
	return out
}

// checkRun is one check run over one configuration: what it found and
// which unknown values it read, from which its controls are derived.
type checkRun struct {
	check    *Check
	cfg      *Config
	findings []Finding
	unknowns map[*Resource][]string
}

// RunChecks runs every check over every configuration and returns the
// findings deduplicated and sorted. A check that panics is reported as an
// internal error; the others still run.
func RunChecks(ctx context.Context, cfgs []*Config, checks []*Check, opts RunOptions) ([]Finding, hcl.Diagnostics) {
	runs, diags := runChecks(ctx, cfgs, checks, opts)
	var all []Finding
	for _, r := range runs {
		all = append(all, r.findings...)
	}
	return dedupe(all), diags
}

// runChecks runs the checks. Configurations run concurrently; within one,
// checks run one after another, so that the readers know which check an
// unknown value was read for.
func runChecks(ctx context.Context, cfgs []*Config, checks []*Check, opts RunOptions) ([]checkRun, hcl.Diagnostics) {
	results := make([][]checkRun, len(cfgs))
	var mu sync.Mutex
	var diags hcl.Diagnostics
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(parallelism())
	for i, cfg := range cfgs {
		g.Go(func() error {
			defer func() { cfg.active = nil }()
			for _, c := range checks {
				if gctx.Err() != nil {
					return nil
				}
				pass := &Pass{Check: c, Config: cfg, Now: opts.Now}
				cfg.active = pass
				func() {
					defer func() {
						if r := recover(); r != nil {
							rng := hcl.Range{Filename: cfg.Root.Dir}
							mu.Lock()
							diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Internal error in check " + c.ID,
								Detail: fmt.Sprintf("%v\n%s", r, debug.Stack()), Subject: &rng})
							mu.Unlock()
						}
					}()
					c.Run(pass)
				}()
				results[i] = append(results[i], checkRun{check: c, cfg: cfg, findings: pass.findings, unknowns: pass.unknowns.reads})
			}
			cfg.memo = nil
			return nil
		})
	}
	_ = g.Wait()
	var all []checkRun
	for _, r := range results {
		all = append(all, r...)
	}
	return all, diags
}

// dedupe keeps one finding per check, resource instance, source range and
// argument path: the blocks one dynamic block generates, or a statement
// visited twice, are one thing to fix, while two missing arguments reported
// at one header are two, and so are two instances of a module.
func dedupe(fs []Finding) []Finding {
	SortFindings(fs)
	type key struct {
		check string
		addr  string
		file  string
		start int
		end   int
		line  int
		col   int
		path  string
	}
	seen := map[key]bool{}
	out := fs[:0]
	for _, f := range fs {
		k := key{f.CheckID, f.Resource, f.Range.Filename, f.Range.Start.Byte, f.Range.End.Byte, f.Range.Start.Line, f.Range.Start.Column, blockIndexRE.ReplaceAllString(f.Path, "[]")}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

// blockIndexRE strips block indexes from argument paths, so that the blocks
// one dynamic block generates count as one source.
var blockIndexRE = regexp.MustCompile(`\[[0-9]+\]`)

// SortFindings orders findings by file, line, column, check ID, then resource
// address, so output never depends on scheduling.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Range.Filename != b.Range.Filename {
			return a.Range.Filename < b.Range.Filename
		}
		if a.Range.Start.Line != b.Range.Start.Line {
			return a.Range.Start.Line < b.Range.Start.Line
		}
		if a.Range.Start.Column != b.Range.Start.Column {
			return a.Range.Start.Column < b.Range.Start.Column
		}
		if a.CheckID != b.CheckID {
			return a.CheckID < b.CheckID
		}
		if a.Resource != b.Resource {
			return a.Resource < b.Resource
		}
		return a.Path < b.Path
	})
}

func sortDiagnostics(ds hcl.Diagnostics) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		af, bf := "", ""
		al, bl := 0, 0
		if a.Subject != nil {
			af, al = a.Subject.Filename, a.Subject.Start.Line
		}
		if b.Subject != nil {
			bf, bl = b.Subject.Filename, b.Subject.Start.Line
		}
		if af != bf {
			return af < bf
		}
		if al != bl {
			return al < bl
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.Summary+a.Detail < b.Summary+b.Detail
	})
}

// sourceLine returns the text of the line a range starts on. Line offsets
// are computed once per file, however many findings it has.
func (p *Project) sourceLine(r hcl.Range) string {
	p.mu.Lock()
	f := p.files[r.Filename]
	p.mu.Unlock()
	if f == nil || r.Start.Line < 1 {
		return ""
	}
	f.linesOnce.Do(func() {
		f.lineStarts = append(f.lineStarts, 0)
		for i, b := range f.Bytes {
			if b == '\n' {
				f.lineStarts = append(f.lineStarts, i+1)
			}
		}
	})
	if r.Start.Line > len(f.lineStarts) {
		return ""
	}
	start := f.lineStarts[r.Start.Line-1]
	end := len(f.Bytes)
	if r.Start.Line < len(f.lineStarts) {
		end = f.lineStarts[r.Start.Line] - 1
	}
	return string(bytes.TrimRight(f.Bytes[start:end], "\r"))
}

// Files returns the files read, by display name.
func (p *Project) Files() map[string]*File {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string]*File, len(p.files))
	for k, v := range p.files {
		out[k] = v
	}
	return out
}
