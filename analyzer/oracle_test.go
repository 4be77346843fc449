package analyzer

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
	"golang.org/x/tools/txtar"

	"github.com/onus-sec/onus/internal/gencorpus"
)

// TestOracle holds onus's evaluation to Terraform's: every end-to-end fixture
// tree, every bundled example, the check fixtures and a generated corpus are
// planned with the real Terraform and AWS provider, offline, and compared
// with what onus evaluates (Inspect):
//
//   - the managed instance addresses are the same;
//   - every value onus knows equals Terraform's planned value (JSON strings
//     compared as JSON, sets without order);
//   - nothing Terraform leaves unknown is known to onus;
//   - values Terraform knows and onus does not are listed with the reason.
//
// It needs terraform on the PATH and the AWS provider 5.100.0 in a local
// filesystem mirror (ONUS_TF_PLUGIN_DIR, default /opt/tf-plugins: the folder
// holding registry.terraform.io/), and runs only when ONUS_ORACLE is set:
// ONUS_ORACLE=1 plans a sample of the check fixtures, ONUS_ORACLE=all every
// one. ONUS_ORACLE_PARALLEL bounds concurrent terraform runs (default 2);
// ONUS_ORACLE_REPORT names a file to write the full list of disagreements to.
//
// To keep the run short, trees are planned in batches: each tree becomes a
// child module of one generated root, so that Terraform and the provider
// start once per batch. A batch that fails is split until the tree that
// fails is alone; that tree is then planned on its own as a root module,
// and validated when even that fails (a data source that needs AWS, a
// provider other than aws).
//
// A disagreement that is a known evaluator bug is listed, with the bug, in
// testdata/oracle/known.txt; any other fails the test.
func TestOracle(t *testing.T) {
	mode := os.Getenv("ONUS_ORACLE")
	if mode == "" {
		t.Skip("set ONUS_ORACLE=1 (a sample) or ONUS_ORACLE=all to compare onus with terraform plan; needs terraform and the AWS provider mirror")
	}
	env := oracleEnvironment(t)
	if os.Getenv("ONUS_ORACLE_BASELINE") != "" {
		// Measure onus without the provider schema: what it changes.
		useProviderSchema = false
		defer func() { useProviderSchema = true }()
	}
	trees := selectOracleTrees(t, mode)
	units := prepareOracleUnits(t, trees, env.mirror)
	if len(units) == 0 {
		t.Fatal("no tree to compare")
	}
	parallel := 2
	if s := os.Getenv("ONUS_ORACLE_PARALLEL"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n > 0 {
			parallel = n
		}
	}
	start := time.Now()
	env.planAll(t, units, parallel)
	for _, u := range units {
		if u.revaluate {
			u.evaluate(t)
		}
	}
	known := readKnownDiffs(t)
	var all []oracleDiff
	stats := map[string]int{}
	for _, u := range units {
		stats["trees"]++
		switch {
		case u.skip != "":
			stats["skipped"]++
			t.Logf("%s: skipped: %s", u.name, u.skip)
			continue
		case u.plan == nil:
			stats["validated"]++
			t.Logf("%s: not planned (%s)", u.name, firstLine(u.planErr))
			continue
		}
		stats["planned"]++
		diffs := compareInstances(u.name, u.onus, u.plan)
		for i := range diffs {
			diffs[i].Reason = gapReason(u, diffs[i])
		}
		all = append(all, diffs...)
	}
	var bugs, knownBugs, gaps []oracleDiff
	for _, d := range all {
		switch {
		case !d.isBug():
			gaps = append(gaps, d)
		case known[knownKey(d)] != "":
			knownBugs = append(knownBugs, d)
		default:
			bugs = append(bugs, d)
		}
	}
	byKind := map[string]int{}
	for _, d := range all {
		byKind[d.Kind]++
	}
	t.Logf("oracle: %d trees (%d planned, %d validated only, %d skipped) in %s",
		stats["trees"], stats["planned"], stats["validated"], stats["skipped"], time.Since(start).Round(time.Second))
	for _, k := range sortedKeys(byKind) {
		t.Logf("oracle: %4d %s", byKind[k], k)
	}
	gapReasons := map[string]int{}
	for _, g := range gaps {
		gapReasons[g.Reason]++
	}
	for _, r := range sortedKeys(gapReasons) {
		t.Logf("oracle: gap %4d %s", gapReasons[r], r)
	}
	if path := os.Getenv("ONUS_ORACLE_REPORT"); path != "" {
		var b strings.Builder
		for _, d := range all {
			fmt.Fprintln(&b, d)
		}
		for _, u := range units {
			switch {
			case u.skip != "":
				fmt.Fprintf(&b, "%s: skipped: %s\n", u.name, u.skip)
			case u.plan == nil:
				fmt.Fprintf(&b, "%s: validated only: %s\n", u.name, firstLine(u.planErr))
			}
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Error(err)
		}
	}
	for _, d := range knownBugs {
		t.Logf("known evaluator bug (%s): %s", known[knownKey(d)], d)
	}
	for _, d := range bugs {
		t.Errorf("%s", d)
	}
	runPlanScanHook(t, env)
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// oracleTree is one tree to plan: a directory and the variables an
// end-to-end case passes on its command line.
type oracleTree struct {
	name     string
	dir      string
	varFiles []string // relative to dir
	vars     []string
}

// oracleUnit is one root module of a tree, with onus's evaluation and,
// once planned, Terraform's.
type oracleUnit struct {
	name    string
	tree    *oracleTree
	rootRel string // the root's directory relative to tree.dir
	skip    string
	// inputs are the root variables' values as Terraform will see them
	// (HCL source), including placeholders for variables without a value.
	inputs map[string]string
	// placeholders are the variables onus is given on its command line:
	// those that have no value in the tree.
	placeholders []string

	onus []Instance
	cfgs []*Config
	// revaluate is set when a placeholder changed after onus evaluated
	// the root: it is evaluated again with the new value.
	revaluate bool
	opts      Options
	rootAbs   string
	plan      []PlanInstance
	planErr   string
	// planDir is the root module of the unit's own plan, when it was
	// planned alone: onus_oracle_plan.json there holds the JSON plan;
	// planTree is the copy of the tree it lies in.
	planDir, planTree string
}

// selectOracleTrees collects the trees to compare (every one when mode is
// "all", else a sample), keeping those whose name matches ONUS_ORACLE_ONLY
// when it is set.
func selectOracleTrees(t *testing.T, mode string) []*oracleTree {
	t.Helper()
	trees := collectOracleTrees(t, mode == "all")
	only := os.Getenv("ONUS_ORACLE_ONLY")
	if only == "" {
		return trees
	}
	re := regexp.MustCompile(only)
	var kept []*oracleTree
	for _, tr := range trees {
		if re.MatchString(tr.name) {
			kept = append(kept, tr)
		}
	}
	return kept
}

// collectOracleTrees writes every tree to compare under a temporary
// directory: the end-to-end archives, the bundled examples, the check
// fixtures (a sample unless all) and a small generated corpus.
func collectOracleTrees(t *testing.T, all bool) []*oracleTree {
	t.Helper()
	base := t.TempDir()
	var trees []*oracleTree
	add := func(name string, fill func(dir string)) *oracleTree {
		dir := filepath.Join(base, fmt.Sprintf("tree%03d", len(trees)))
		fill(dir)
		tr := &oracleTree{name: name, dir: dir}
		trees = append(trees, tr)
		return tr
	}
	examples, _ := filepath.Glob(filepath.Join("..", "testdata", "examples", "*"))
	for _, ex := range examples {
		add("examples/"+filepath.Base(ex), func(dir string) { copyOracleTree(t, ex, dir) })
	}
	// Regression trees: each holds expressions where onus and Terraform
	// once disagreed, or could.
	regressions, _ := filepath.Glob(filepath.Join("..", "testdata", "oracle", "*"))
	for _, r := range regressions {
		if info, err := os.Stat(r); err == nil && info.IsDir() {
			add("oracle/"+filepath.Base(r), func(dir string) { copyOracleTree(t, r, dir) })
		}
	}
	archives, _ := filepath.Glob(filepath.Join("..", "testdata", "e2e", "*.txtar"))
	for _, path := range archives {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(ar.Comment), "example:") {
			continue // the bundled example, planned above
		}
		var args string
		tr := add("e2e/"+strings.TrimSuffix(filepath.Base(path), ".txtar"), func(dir string) {
			for _, f := range ar.Files {
				switch f.Name {
				case "args":
					args = string(f.Data)
					continue
				case "exitcode", "stderr", "expect.json", "expect.txt":
					continue
				}
				writeOracleFile(t, filepath.Join(dir, filepath.FromSlash(f.Name)), f.Data)
			}
		})
		tr.varFiles, tr.vars = varArgs(args)
	}
	cases, _ := filepath.Glob(filepath.Join("..", "testdata", "checks", "*", "*"))
	sort.Strings(cases)
	for i, c := range cases {
		if info, err := os.Stat(c); err != nil || !info.IsDir() {
			continue
		}
		// The sample: about 40 cases spread evenly over the checks, so
		// that the run stays within CI's time budget.
		if !all && i%max(1, len(cases)/40) != 0 {
			continue
		}
		rel, _ := filepath.Rel(filepath.Join("..", "testdata"), c)
		add(filepath.ToSlash(rel), func(dir string) { copyOracleTree(t, c, dir) })
	}
	add("corpus/seed1", func(dir string) {
		if _, err := gencorpus.Generate(dir, gencorpus.Options{Seed: 1, Resources: 40, FilesPerModule: 1}); err != nil {
			t.Fatal(err)
		}
	})
	return trees
}

// varArgs reads --var and --var-file from an end-to-end case's arguments.
func varArgs(args string) (varFiles, vars []string) {
	var words []string
	for _, line := range strings.Split(args, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") {
			words = append(words, strings.Fields(line)...)
		}
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		for _, flag := range []string{"--var-file", "--var"} {
			switch {
			case w == flag && i+1 < len(words):
				i++
				if flag == "--var" {
					vars = append(vars, words[i])
				} else {
					varFiles = append(varFiles, words[i])
				}
			case strings.HasPrefix(w, flag+"="):
				if flag == "--var" {
					vars = append(vars, strings.TrimPrefix(w, flag+"="))
				} else {
					varFiles = append(varFiles, strings.TrimPrefix(w, flag+"="))
				}
			default:
				continue
			}
			break
		}
	}
	return varFiles, vars
}

func copyOracleTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if d.IsDir() {
			if rel != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if d.Name() == ".terraform.lock.hcl" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		writeOracleFile(t, filepath.Join(to, rel), data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeOracleFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// prepareOracleUnits finds the root modules of every tree, gives each
// variable without a value a placeholder, evaluates the roots with onus and
// returns them ready to plan.
func prepareOracleUnits(t *testing.T, trees []*oracleTree, mirror string) []*oracleUnit {
	t.Helper()
	ctx := context.Background()
	var units []*oracleUnit
	for _, tr := range trees {
		p, err := Load(ctx, []string{tr.dir}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, root := range p.roots {
			rel, _ := filepath.Rel(tr.dir, root)
			u := &oracleUnit{name: tr.name, tree: tr, rootRel: rel}
			if rel != "." {
				u.name += "/" + filepath.ToSlash(rel)
			}
			units = append(units, u)
			if src := remoteModule(p, root, map[string]bool{}); src != "" {
				u.skip = "calls a module that is not local (" + src + ")"
				continue
			}
			u.inputs, u.placeholders = rootInputs(t, p.dir(root), tr)
			opts := Options{VarFiles: absAll(tr.dir, tr.varFiles), Vars: append(append([]string(nil), tr.vars...), u.placeholders...)}
			u.opts, u.rootAbs = opts, root
			u.evaluate(t)
			u.skip = unplannable(u.cfgs, mirror)
		}
	}
	return units
}

// unplannable says why Terraform cannot plan a configuration offline here,
// before trying: a provider the mirror does not hold, or an AWS provider
// constraint that excludes the mirror's version.
func unplannable(cfgs []*Config, mirror string) string {
	for _, c := range cfgs {
		need := map[string]bool{}
		for _, m := range c.Modules {
			for _, r := range m.Resources {
				if p, _, ok := strings.Cut(r.Type, "_"); ok && p != "aws" && p != "terraform" {
					need[p] = true
				}
			}
		}
		for _, p := range sortedKeys(need) {
			if _, err := os.Stat(filepath.Join(mirror, "registry.terraform.io", "hashicorp", p)); err != nil {
				return "needs the " + p + " provider, which the mirror does not hold"
			}
		}
		for _, cons := range c.ProviderConstraints("aws") {
			if !admitsVersion(cons, oracleProviderVersion) {
				return "its AWS provider constraint " + strconv.Quote(cons) + " excludes " + oracleProviderVersion
			}
		}
	}
	return ""
}

// admitsVersion reports whether a version constraint string ("~> 5.0,
// < 6") admits the version.
func admitsVersion(constraint, version string) bool {
	parse := func(s string) ([3]int, int, bool) {
		var v [3]int
		s = strings.TrimPrefix(strings.TrimSpace(s), "v")
		if i := strings.IndexAny(s, "-+"); i >= 0 {
			s = s[:i]
		}
		parts := strings.Split(s, ".")
		if len(parts) > 3 {
			return v, 0, false
		}
		for i, p := range parts {
			n, err := strconv.Atoi(p)
			if err != nil {
				return v, 0, false
			}
			v[i] = n
		}
		return v, len(parts), true
	}
	cmp := func(a, b [3]int) int {
		for i := range a {
			if a[i] != b[i] {
				if a[i] < b[i] {
					return -1
				}
				return 1
			}
		}
		return 0
	}
	have, _, _ := parse(version)
	for _, c := range strings.Split(constraint, ",") {
		c = strings.TrimSpace(c)
		op := "="
		for _, o := range []string{"~>", ">=", "<=", "!=", ">", "<", "="} {
			if strings.HasPrefix(c, o) {
				op, c = o, strings.TrimPrefix(c, o)
				break
			}
		}
		want, n, ok := parse(c)
		if !ok {
			continue
		}
		d := cmp(have, want)
		switch op {
		case "=":
			ok = d == 0
		case "!=":
			ok = d != 0
		case ">":
			ok = d > 0
		case ">=":
			ok = d >= 0
		case "<":
			ok = d < 0
		case "<=":
			ok = d <= 0
		case "~>":
			upper := [3]int{want[0] + 1, 0, 0}
			if n == 3 {
				upper = [3]int{want[0], want[1] + 1, 0}
			}
			ok = d >= 0 && cmp(have, upper) < 0
		}
		if !ok {
			return false
		}
	}
	return true
}

// evaluate runs onus over the unit's root.
func (u *oracleUnit) evaluate(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	opts := u.opts
	opts.Vars = append(append([]string(nil), u.tree.vars...), u.placeholders...)
	rp, err := Load(ctx, []string{u.rootAbs}, opts)
	if err != nil {
		t.Fatal(err)
	}
	cfgs, _ := rp.Evaluate(ctx)
	if c := pickRoot(rp, cfgs, u.rootAbs); c != nil {
		cfgs = []*Config{c}
	}
	u.cfgs = cfgs
	u.onus = Inspect(cfgs)
}

func absAll(dir string, files []string) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = filepath.Join(dir, f)
	}
	return out
}

// remoteModule returns the source of the first module call, in the root or
// the local modules it calls, that Terraform would have to download.
func remoteModule(p *Project, dir string, seen map[string]bool) string {
	if seen[dir] {
		return ""
	}
	seen[dir] = true
	for _, mc := range p.dir(dir).decl.modules {
		src, ok := localSource(mc.source)
		if !ok {
			return mc.source
		}
		if s := remoteModule(p, filepath.Clean(filepath.Join(dir, src)), seen); s != "" {
			return s
		}
	}
	return ""
}

// rootInputs returns the value of every root variable as HCL source, read
// from the tree's variable files and arguments in Terraform's order, with a
// placeholder for each variable that has neither a value nor a default;
// the placeholders are also returned as NAME=VALUE for onus.
func rootInputs(t *testing.T, dm *dirModule, tr *oracleTree) (map[string]string, []string) {
	t.Helper()
	given := map[string]cty.Value{}
	var files []string
	for _, n := range []string{"terraform.tfvars", "terraform.tfvars.json"} {
		if _, err := os.Stat(filepath.Join(dm.abs, n)); err == nil {
			files = append(files, filepath.Join(dm.abs, n))
		}
	}
	auto, _ := filepath.Glob(filepath.Join(dm.abs, "*.auto.tfvars"))
	autoJSON, _ := filepath.Glob(filepath.Join(dm.abs, "*.auto.tfvars.json"))
	auto = append(auto, autoJSON...)
	sort.Strings(auto)
	files = append(files, auto...)
	files = append(files, absAll(tr.dir, tr.varFiles)...)
	for _, f := range files {
		for k, v := range readTFVars(t, f) {
			given[k] = v
		}
	}
	for _, kv := range tr.vars {
		name, raw, _ := strings.Cut(kv, "=")
		if d := dm.decl.variables[name]; d != nil {
			given[name] = parseCLIVar(raw, d.typ)
		}
	}
	inputs := map[string]string{}
	var placeholders []string
	for _, name := range sortedKeys(dm.decl.variables) {
		d := dm.decl.variables[name]
		v, ok := given[name]
		if !ok {
			if d.def != nil {
				continue
			}
			v = placeholderValue(name, d.typ)
			if v.Type() == cty.String {
				placeholders = append(placeholders, name+"="+v.AsString())
			} else {
				placeholders = append(placeholders, name+"="+string(hclwrite.TokensForValue(v).Bytes()))
			}
		}
		inputs[name] = string(hclwrite.TokensForValue(v).Bytes())
	}
	return inputs, placeholders
}

func readTFVars(t *testing.T, path string) map[string]cty.Value {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	var f *hcl.File
	var diags hcl.Diagnostics
	if strings.HasSuffix(path, ".json") {
		f, diags = hcljson.Parse(src, path)
	} else {
		f, diags = hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	}
	out := map[string]cty.Value{}
	if diags.HasErrors() || f == nil {
		return out
	}
	attrs, _ := f.Body.JustAttributes()
	for name, a := range attrs {
		if v, d := a.Expr.Value(nil); !d.HasErrors() {
			out[name] = v
		}
	}
	return out
}

// placeholderValue invents a value for a variable that has none, of its
// type, and plausible for its name so that the provider's own validation
// (a CIDR block, an ARN) accepts it.
func placeholderValue(name string, ty cty.Type) cty.Value {
	switch {
	case ty == cty.String || ty == cty.DynamicPseudoType:
		return cty.StringVal(placeholderString(name))
	case ty == cty.Number:
		return cty.NumberIntVal(1)
	case ty == cty.Bool:
		return cty.True
	case ty.IsListType():
		return cty.ListVal([]cty.Value{placeholderValue(name, ty.ElementType())})
	case ty.IsSetType():
		return cty.SetVal([]cty.Value{placeholderValue(name, ty.ElementType())})
	case ty.IsMapType():
		return cty.MapVal(map[string]cty.Value{"oracle": placeholderValue(name, ty.ElementType())})
	case ty.IsObjectType():
		attrs := map[string]cty.Value{}
		for n, at := range ty.AttributeTypes() {
			attrs[n] = placeholderValue(n, at)
		}
		return cty.ObjectVal(attrs)
	case ty.IsTupleType():
		var elems []cty.Value
		for _, et := range ty.TupleElementTypes() {
			elems = append(elems, placeholderValue(name, et))
		}
		return cty.TupleVal(elems)
	}
	return cty.StringVal(placeholderString(name))
}

func placeholderString(name string) string {
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "cidr"):
		return "10.0.0.0/16"
	case strings.Contains(n, "policy"), strings.Contains(n, "json"):
		return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::oracle/*"}]}`
	case strings.Contains(n, "kms"), strings.HasSuffix(n, "key"), strings.HasSuffix(n, "key_arn"), strings.HasSuffix(n, "key_id"):
		return "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000000"
	case strings.Contains(n, "arn"), strings.Contains(n, "role"):
		return "arn:aws:iam::111122223333:role/oracle"
	case strings.Contains(n, "region"):
		return "us-east-1"
	case strings.Contains(n, "account"):
		return "111122223333"
	case strings.Contains(n, "vpc"):
		return "vpc-0123456789abcdef0"
	case strings.Contains(n, "subnet"):
		return "subnet-0123456789abcdef0"
	case strings.Contains(n, "ami"), strings.Contains(n, "image"):
		return "ami-0123456789abcdef0"
	case strings.Contains(n, "sg"), strings.Contains(n, "security_group"):
		return "sg-0123456789abcdef0"
	case strings.Contains(n, "port"):
		return "443"
	}
	return "oracle-" + strings.ReplaceAll(n, "_", "-")
}

// gapReason explains why onus does not know a value Terraform knows, from
// the references the attribute was built from.
func gapReason(u *oracleUnit, d oracleDiff) string {
	if d.Kind != kindGap {
		return ""
	}
	var r *Resource
	for _, c := range u.cfgs {
		if r = c.Lookup(d.Address); r != nil {
			break
		}
	}
	if r == nil {
		return "unknown instance"
	}
	top := d.Path
	if i := strings.IndexAny(top, ".["); i > 0 {
		top = top[:i]
	}
	a := r.Body.Attributes[top]
	if a == nil {
		return "inside a dynamic block over an unknown collection"
	}
	kinds := map[string]bool{}
	for _, ref := range a.Refs {
		addr := ref.Address
		typ := resourceTypeOf(addr)
		switch {
		case strings.Contains(addr, "data."):
			kinds["data source "+typ+" (read during the plan by Terraform)"] = true
		default:
			kinds[fmt.Sprintf("attribute %s.%s computed by the provider during the plan", typ, ref.Attr)] = true
		}
	}
	if len(kinds) == 0 {
		return "an expression onus does not evaluate"
	}
	return strings.Join(sortedKeys(kinds), "; ")
}

// resourceTypeOf returns the type in an address such as
// `module.m.data.aws_iam_policy_document.p["k"]`.
func resourceTypeOf(addr string) string {
	parts := strings.Split(baseAddress(addr), ".")
	for i := len(parts) - 2; i >= 0; i-- {
		if strings.HasPrefix(parts[i], "aws_") || (i > 0 && parts[i-1] == "data") {
			return parts[i]
		}
	}
	if len(parts) >= 2 {
		return parts[len(parts)-2]
	}
	return addr
}

// readKnownDiffs reads testdata/oracle/known.txt: one disagreement per line,
// "TREE ADDRESS PATH # bug description".
func readKnownDiffs(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	src, err := os.ReadFile(filepath.Join("..", "testdata", "oracle", "known.txt"))
	if err != nil {
		return out
	}
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, why, _ := strings.Cut(line, "#")
		f := strings.Fields(key)
		if len(f) < 2 {
			continue
		}
		path := ""
		if len(f) > 2 {
			path = f[2]
		}
		out[f[0]+" "+f[1]+" "+path] = strings.TrimSpace(why)
	}
	return out
}

func knownKey(d oracleDiff) string { return d.Tree + " " + d.Address + " " + d.Path }
