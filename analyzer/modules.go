package analyzer

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
)

// rootVariables assigns root module variables with Terraform's precedence:
// defaults, terraform.tfvars, *.auto.tfvars in lexical order, --var-file in
// order, then --var. A variable with no value is unknown: it is what a user
// would be prompted for, and onus cannot guess it.
func (m *modEval) rootVariables() map[string]cty.Value {
	decls := m.decl.variables
	given := map[string]givenValue{}
	var files []string
	if _, err := os.Stat(filepath.Join(m.dm.abs, "terraform.tfvars")); err == nil {
		files = append(files, filepath.Join(m.dm.abs, "terraform.tfvars"))
	}
	if _, err := os.Stat(filepath.Join(m.dm.abs, "terraform.tfvars.json")); err == nil {
		files = append(files, filepath.Join(m.dm.abs, "terraform.tfvars.json"))
	}
	if entries, err := os.ReadDir(m.dm.abs); err == nil {
		var auto []string
		for _, e := range entries {
			n := e.Name()
			if !e.IsDir() && (strings.HasSuffix(n, ".auto.tfvars") || strings.HasSuffix(n, ".auto.tfvars.json")) {
				auto = append(auto, filepath.Join(m.dm.abs, n))
			}
		}
		sort.Strings(auto)
		files = append(files, auto...)
	}
	for _, vf := range m.ev.p.opts.VarFiles {
		abs, err := filepath.Abs(vf)
		if err == nil {
			files = append(files, abs)
		}
	}
	for _, f := range files {
		for name, v := range m.readVarFile(f) {
			given[name] = v
		}
	}
	for _, kv := range m.ev.p.opts.Vars {
		name, raw, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		name = strings.TrimSpace(name)
		decl := decls[name]
		if decl == nil {
			continue
		}
		given[name] = givenValue{value: parseCLIVar(raw, decl.typ)}
	}
	return m.assignVariables(given, nil)
}

// parseCLIVar reads a --var value as Terraform does: a plain string for
// string variables, an HCL expression otherwise.
func parseCLIVar(raw string, ty cty.Type) cty.Value {
	if ty == cty.String {
		return cty.StringVal(raw)
	}
	expr, diags := hclsyntax.ParseExpression([]byte(raw), "<var>", hcl.InitialPos)
	if !diags.HasErrors() {
		if v, diags := expr.Value(nil); !diags.HasErrors() {
			return v
		}
	}
	return cty.StringVal(raw)
}

// readVarFile reads a .tfvars or .tfvars.json file. Var files hold literal
// values only; anything else is reported and skipped.
func (m *modEval) readVarFile(abs string) map[string]givenValue {
	p := m.ev.p
	name := p.displayName(abs)
	out := map[string]givenValue{}
	if !p.within(abs) && !m.isExplicitVarFile(abs) {
		m.ev.warn(wholeFile(name), "Variable file outside the scan root", name+" was not read")
		return out
	}
	info, err := os.Stat(abs)
	if err != nil || !info.Mode().IsRegular() || info.Size() > p.opts.MaxFileSize {
		m.ev.diags = append(m.ev.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unreadable variable file", Detail: fmt.Sprintf("%s could not be read", name), Subject: wholeFile(name)})
		return out
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		return out
	}
	if line, deep := nestingTooDeep(src, p.opts.MaxNesting); deep {
		r := hcl.Range{Filename: name, Start: hcl.Pos{Line: line, Column: 1}, End: hcl.Pos{Line: line, Column: 1}}
		m.ev.diags = append(m.ev.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Nesting too deep",
			Detail: fmt.Sprintf("%s nests brackets more than %d levels deep; it was not read (raise it with --max-nesting).", name, p.opts.MaxNesting), Subject: &r})
		return out
	}
	var f *hcl.File
	var diags hcl.Diagnostics
	if strings.HasSuffix(abs, ".json") {
		f, diags = hcljson.Parse(src, name)
	} else {
		f, diags = hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	}
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			m.ev.diags = append(m.ev.diags, d)
		}
	}
	if f == nil || f.Body == nil {
		return out
	}
	attrs, _ := f.Body.JustAttributes()
	for n, a := range attrs {
		v, d := a.Expr.Value(nil)
		if d.HasErrors() {
			continue
		}
		out[n] = givenValue{v, a.Expr, a.Range}
	}
	return out
}

func (m *modEval) isExplicitVarFile(abs string) bool {
	for _, vf := range m.ev.p.opts.VarFiles {
		if a, err := filepath.Abs(vf); err == nil && a == abs {
			return true
		}
	}
	return false
}

// givenValue is a value assigned to a variable, with where it was written
// (a tfvars line, a module argument); expr is nil for --var.
type givenValue struct {
	value cty.Value
	expr  hcl.Expression
	rng   hcl.Range
}

// assignVariables gives every declared variable its value: the given one
// converted to the declared type, else the default, else unknown. Marks on
// given values (references from the caller) are kept. Each value is also
// recorded in Module.Variables with where it was written.
func (m *modEval) assignVariables(given map[string]givenValue, callRange *hcl.Range) map[string]cty.Value {
	out := map[string]cty.Value{}
	m.mod.Variables = map[string]*Attribute{}
	for name, decl := range m.decl.variables {
		g, ok := given[name]
		v := g.value
		if ok && v.IsNull() && !decl.nullable {
			ok = false
		}
		if !ok {
			if decl.def == nil {
				out[name] = cty.UnknownVal(decl.typ)
				continue
			}
			dv, diags := decl.def.Value(nil)
			if diags.HasErrors() {
				out[name] = cty.UnknownVal(decl.typ)
				continue
			}
			v = dv
			g = givenValue{value: dv, expr: decl.def, rng: decl.def.Range()}
		}
		cv, err := convertVariable(v, decl)
		if err != nil {
			rng := decl.rng
			if callRange != nil {
				rng = *callRange
			}
			m.ev.warn(&rng, "Invalid value for variable", fmt.Sprintf("var.%s: %v; treated as unknown", name, err))
		}
		out[name] = cv
		a := &Attribute{Name: name, Range: g.rng, Path: "var." + name}
		a.setExpr(g.expr, m.ev.p.file(g.rng.Filename))
		a.Value, a.Refs, a.JSON = unmarkValue(cv)
		m.mod.Variables[name] = a
	}
	return out
}

// evalModuleCall evaluates a module block: every instance of it, each as a
// child module with the caller's arguments.
func (m *modEval) evalModuleCall(mc *moduleCallDecl) {
	if m.shedding {
		defer func() { mc.block.Body = nil }()
	}
	ts := m.graph.reads["module."+mc.name]
	rng := mc.block.DefRange
	childKey := mc.name
	if m.key != "" {
		childKey = m.key + "." + mc.name
	}
	childAbs, ok := m.resolveSource(mc, childKey)
	if !ok {
		m.modules[mc.name] = cty.DynamicVal
		return
	}
	// The directory as parsed: a module reached through a symbolic link is
	// the directory the link resolves to, so a call of itself through a
	// link is a cycle like any other.
	dm := m.ev.p.dir(childAbs)
	childAbs = dm.abs
	for _, a := range m.ancestry {
		if a == childAbs || m.ev.p.sameDir(a) == childAbs {
			m.ev.warn(&rng, "Module cycle", fmt.Sprintf("module %q calls a directory that is already being evaluated (%s); the call is skipped", mc.name, m.ev.p.displayName(childAbs)))
			m.modules[mc.name] = cty.DynamicVal
			return
		}
	}
	if m.depth+1 > m.ev.p.opts.MaxModuleDepth {
		m.ev.warn(&rng, "Module nesting too deep", fmt.Sprintf("module %q is nested more than %d levels deep; the call is skipped (raise --max-module-depth)", mc.name, m.ev.p.opts.MaxModuleDepth))
		m.modules[mc.name] = cty.DynamicVal
		return
	}
	base := m.prefix() + "module." + mc.name
	keys, single, known := m.expand(mc.count, mc.forEach, m.scope(ts, nil), base)
	call := func(path string, extra map[string]cty.Value) cty.Value {
		// Module instances count against the same budget as resources, so
		// that nested counts of empty modules cannot run away either.
		if m.ev.budget <= 0 || m.ev.expired(rng) {
			if m.ev.budget <= 0 && !m.ev.budgetWarned {
				m.ev.budgetWarned = true
				m.ev.warn(&rng, "Too many instances", "the configuration expands to more instances than onus evaluates in one root; the rest are skipped (raise --max-instances)")
			}
			return cty.DynamicVal
		}
		m.ev.take()
		ctx := m.scope(ts, extra)
		given := map[string]givenValue{}
		for _, name := range sortedKeys(mc.args) {
			a := mc.args[name]
			given[name] = givenValue{m.eval(a.Expr, ctx), a.Expr, a.Range}
		}
		child := &Module{Dir: m.ev.p.displayName(childAbs), Path: path, Parent: m.mod}
		m.mod.Children = append(m.mod.Children, child)
		ce := newModEval(m.ev, dm, child, m.depth+1, childKey, append(append([]string(nil), m.ancestry...), childAbs))
		ce.standIn = m.standIn || !known
		ce.vars = ce.assignVariables(given, &rng)
		return ce.run()
	}
	switch {
	case !known:
		extra := map[string]cty.Value{}
		if mc.count != nil {
			extra["count"] = cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)})
		} else {
			extra["each"] = cty.ObjectVal(map[string]cty.Value{"key": cty.UnknownVal(cty.String), "value": cty.DynamicVal})
		}
		call(base, extra)
		m.modules[mc.name] = cty.DynamicVal
	case single:
		m.modules[mc.name] = call(base, nil)
	case mc.count != nil:
		vals := make([]cty.Value, 0, len(keys))
		for _, k := range keys {
			vals = append(vals, call(base+keyString(k.key), map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": k.key})}))
		}
		m.modules[mc.name] = cty.TupleVal(vals)
	default:
		vals := map[string]cty.Value{}
		for _, k := range keys {
			vals[k.key.AsString()] = call(base+keyString(k.key), map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": k.key, "value": k.each})})
		}
		m.modules[mc.name] = cty.ObjectVal(vals)
	}
}

// resolveSource finds the directory of a module: a local path, or a module
// that `terraform init` already placed under .terraform/modules. Nothing is
// ever downloaded.
func (m *modEval) resolveSource(mc *moduleCallDecl, key string) (string, bool) {
	rng := mc.block.DefRange
	if src, ok := localSource(mc.source); ok {
		abs := filepath.Clean(filepath.Join(m.dm.abs, src))
		// One message for a path out of the tree and a missing one (or
		// links that never end): telling them apart would say whether
		// something exists outside the tree. A directory simply missing
		// inside it is said so.
		if !m.ev.p.within(abs) {
			if m.ev.p.missingInside(abs) {
				m.ev.warn(&rng, "Module not found", fmt.Sprintf("module %q (source %q): there is no directory %s in the scanned tree; the call is skipped", mc.name, mc.source, m.ev.p.displayName(abs)))
				return "", false
			}
			m.ev.warn(&rng, "Module outside the scan root", fmt.Sprintf("module %q (source %q) lies outside the scanned tree or does not exist; it was not read", mc.name, mc.source))
			return "", false
		}
		if info, err := os.Stat(abs); err != nil || !info.IsDir() {
			m.ev.warn(&rng, "Module not found", fmt.Sprintf("module %q (source %q) is not a directory; the call is skipped", mc.name, mc.source))
			return "", false
		}
		return abs, true
	}
	if mc.source == "" {
		return "", false
	}
	if dir, ok := m.ev.installedModule(key); ok {
		return dir, true
	}
	m.ev.warn(&rng, "Module not installed", fmt.Sprintf("module %q (source %q) is not a local path and was not found under .terraform/modules; it was skipped (run terraform init, or scan a plan with --plan)", mc.name, mc.source))
	return "", false
}

type modulesManifest struct {
	Modules []struct {
		Key string `json:"Key"`
		Dir string `json:"Dir"`
	} `json:"Modules"`
}

// installedModule reads .terraform/modules/modules.json of the root module.
func (ev *evaluator) installedModule(key string) (string, bool) {
	src, err := os.ReadFile(filepath.Join(ev.rootAbs, ".terraform", "modules", "modules.json"))
	if err != nil {
		return "", false
	}
	var man modulesManifest
	if json.Unmarshal(src, &man) != nil {
		return "", false
	}
	for _, e := range man.Modules {
		if e.Key == key {
			abs := filepath.Clean(filepath.Join(ev.rootAbs, filepath.FromSlash(e.Dir)))
			if !ev.p.within(abs) {
				return "", false
			}
			return abs, true
		}
	}
	return "", false
}
