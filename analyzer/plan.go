package analyzer

import (
	"context"
	"crypto/sha1" //nolint:gosec // to recognise the provider's hash, not to protect anything
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// PlanScan is a scan of Terraform's own plan (`terraform show -json
// PLANFILE`) instead of HCL: the checks run on the values Terraform
// computed, including those of modules from registries and git that onus
// never downloads. The configuration the plan was made from may be given
// too; findings are then located in its files (by resource address and
// argument path) and its inline ignores apply.
type PlanScan struct {
	// PlanFile is the JSON plan.
	PlanFile string
	// Dir is the root module the plan was made from; "" when unknown, and
	// findings then point at the plan file.
	Dir string
	// Options configure the evaluation of Dir (variables, limits).
	Options Options
}

// Run reads the plan, builds the configuration from it and runs the checks.
// The error is for an unreadable or invalid plan; problems in Dir are
// diagnostics of the result.
func (s PlanScan) Run(ctx context.Context, checks []*Check, opts RunOptions) (*Result, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	data, err := os.ReadFile(s.PlanFile)
	if err != nil {
		return nil, fmt.Errorf("reading the plan: %w", err)
	}
	doc, err := ParsePlan(data)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	var proj *Project
	var hclCfg *Config
	if s.Dir != "" {
		proj, err = Load(ctx, []string{s.Dir}, s.Options)
		if err != nil {
			return nil, err
		}
		cfgs, diags := proj.Evaluate(ctx)
		hclCfg = pickRoot(proj, cfgs, s.Dir)
		res.Diagnostics = append(res.Diagnostics, proj.LoadDiagnostics()...)
		for _, d := range diags {
			// The plan has what the HCL scan could not download.
			if d.Summary != "Module not installed" {
				res.Diagnostics = append(res.Diagnostics, d)
			}
		}
		res.Files = len(proj.Files())
	} else {
		proj = &Project{opts: s.Options.withDefaults(), dirs: map[string]*dirModule{}, files: map[string]*File{}}
		proj.cwd, _ = os.Getwd()
	}
	planName := proj.displayName(absPath(s.PlanFile))
	if res.Files == 0 {
		res.Files = 1
	}
	b := &planBuilder{doc: doc, hcl: hclCfg, proj: proj, planName: planName}
	cfg := b.build()
	// The fingerprint names the root module as an HCL scan does: the
	// directory given, else the plan file's own directory (where
	// `terraform show -json` usually writes it).
	if s.Dir != "" {
		cfg.lockFile = lockFileOf(absPath(s.Dir))
		cfg.key = proj.rootKey(absPath(s.Dir))
		if hclCfg != nil {
			cfg.key = hclCfg.key
		}
	} else {
		cfg.key = proj.rootKey(filepath.Dir(absPath(s.PlanFile)))
	}
	for _, m := range cfg.Modules {
		res.Resources += len(m.Resources)
	}
	findings, checkDiags := RunChecks(ctx, []*Config{cfg}, checks, opts)
	res.Diagnostics = append(res.Diagnostics, checkDiags...)
	if s.Dir != "" {
		findings = proj.locate(findings, opts.Now, &res.Diagnostics)
	}
	res.Findings = findings
	res.Diagnostics = settleDiagnostics(res.Diagnostics)
	return res, nil
}

// PlanConfig builds the configuration a plan describes, for inspection and
// tests: hclCfg, when not nil, is the HCL evaluation of the same root,
// whose ranges and references are borrowed.
func PlanConfig(doc *PlanDocument, hclCfg *Config, planName string) *Config {
	proj := &Project{dirs: map[string]*dirModule{}, files: map[string]*File{}}
	return (&planBuilder{doc: doc, hcl: hclCfg, proj: proj, planName: planName}).build()
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// pickRoot returns the configuration whose root module is dir, else the
// first.
func pickRoot(p *Project, cfgs []*Config, dir string) *Config {
	want := p.displayName(absPath(dir))
	for _, c := range cfgs {
		if c.Root.Dir == want {
			return c
		}
	}
	if len(cfgs) > 0 {
		return cfgs[0]
	}
	return nil
}

// planBuilder turns a plan into the model the checks read.
type planBuilder struct {
	doc      *PlanDocument
	hcl      *Config
	proj     *Project
	planName string
	modules  map[string]*Module
	cfg      *Config
	addrs    map[string]bool
}

func (b *planBuilder) build() *Config {
	root := &Module{Dir: b.planName}
	if b.hcl != nil {
		root.Dir = b.hcl.Root.Dir
	}
	b.cfg = &Config{Root: root}
	b.modules = map[string]*Module{"": root}
	for _, in := range b.doc.PlanInstances() {
		addr, err := parseInstanceAddress(in.Address)
		if err != nil {
			continue
		}
		mod := b.module(addr.modules)
		r := b.resource(in, addr, mod)
		mod.Resources = append(mod.Resources, r)
	}
	b.decorateModules()
	var collect func(*Module)
	collect = func(m *Module) {
		b.cfg.Modules = append(b.cfg.Modules, m)
		sort.SliceStable(m.Resources, func(i, j int) bool { return lessAddress(m.Resources[i].Address, m.Resources[j].Address) })
		sort.SliceStable(m.Children, func(i, j int) bool { return lessAddress(m.Children[i].Path, m.Children[j].Path) })
		for _, c := range m.Children {
			collect(c)
		}
	}
	collect(root)
	b.cfg.index()
	return b.cfg
}

// module returns the module instance with the given steps, creating it and
// its parents.
func (b *planBuilder) module(steps []moduleStep) *Module {
	path := modulePath(steps)
	if m := b.modules[path]; m != nil {
		return m
	}
	parent := b.module(steps[:len(steps)-1])
	m := &Module{Path: path, Parent: parent, Dir: b.planName}
	if b.hcl != nil {
		for _, hm := range b.hcl.Modules {
			if hm.Path == path {
				m.Dir = hm.Dir
			}
		}
	}
	if m.Dir == b.planName {
		if call := b.configCall(steps); call != nil && call.Source != "" {
			m.Dir = call.Source
		}
	}
	parent.Children = append(parent.Children, m)
	b.modules[path] = m
	return m
}

// decorateModules gives every module its terraform and provider blocks:
// those of the HCL evaluation where it has the module, else the provider
// version constraints the plan records.
func (b *planBuilder) decorateModules() {
	hclMods := map[string]*Module{}
	if b.hcl != nil {
		for _, hm := range b.hcl.Modules {
			hclMods[hm.Path] = hm
		}
	}
	// A module the HCL has but whose instances the plan does not hold
	// (one with only a provider block, variables and locals) is there
	// too, for the checks that read those.
	for _, path := range sortedKeys(hclMods) {
		if _, ok := b.modules[path]; ok || path == "" {
			continue
		}
		if a, err := parseInstanceAddress(path + ".terraform_data.x"); err == nil {
			b.module(a.modules)
		}
	}
	for path, m := range b.modules {
		if hm := hclMods[path]; hm != nil {
			m.Terraform, m.Providers = hm.Terraform, hm.Providers
			m.Variables, m.Locals = hm.Variables, hm.Locals
		}
	}
	if b.doc.Configuration == nil {
		return
	}
	rp := &Block{Type: "required_providers", Attributes: map[string]*Attribute{}}
	for _, key := range sortedKeys(b.doc.Configuration.ProviderConfig) {
		pc := b.doc.Configuration.ProviderConfig[key]
		if pc.VersionConstraint == "" || pc.Name == "" {
			continue
		}
		v := cty.ObjectVal(map[string]cty.Value{"source": cty.StringVal(pc.FullName), "version": cty.StringVal(pc.VersionConstraint)})
		rp.Attributes[pc.Name] = &Attribute{Name: pc.Name, Value: v}
	}
	if len(rp.Attributes) > 0 {
		b.cfg.Root.Terraform = append(b.cfg.Root.Terraform, &Block{Type: "terraform", Attributes: map[string]*Attribute{}, Blocks: []*Block{rp}})
	}
}

// moduleStep is one module call of an instance address, with its key.
type moduleStep struct {
	name string
	key  cty.Value
}

func modulePath(steps []moduleStep) string {
	var b strings.Builder
	for i, s := range steps {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString("module." + s.name + keyString(s.key))
	}
	return b.String()
}

// instanceAddress is a parsed resource instance address.
type instanceAddress struct {
	modules []moduleStep
	mode    Mode
	typ     string
	name    string
	key     cty.Value
}

// local is the address inside its module: `aws_s3_bucket.b` or
// `data.aws_iam_policy_document.p`, without the key.
func (a instanceAddress) local() string {
	if a.mode == Data {
		return "data." + a.typ + "." + a.name
	}
	return a.typ + "." + a.name
}

// parseInstanceAddress reads `module.a["x"].aws_s3_bucket.b[0]`.
func parseInstanceAddress(addr string) (instanceAddress, error) {
	var out instanceAddress
	tr, diags := hclsyntax.ParseTraversalAbs([]byte(addr), "", hcl.InitialPos)
	if diags.HasErrors() {
		return out, fmt.Errorf("invalid address %q", addr)
	}
	i := 0
	name := func() (string, bool) {
		if i >= len(tr) {
			return "", false
		}
		switch s := tr[i].(type) {
		case hcl.TraverseRoot:
			i++
			return s.Name, true
		case hcl.TraverseAttr:
			i++
			return s.Name, true
		}
		return "", false
	}
	key := func() cty.Value {
		if i < len(tr) {
			if ix, ok := tr[i].(hcl.TraverseIndex); ok {
				i++
				return ix.Key
			}
		}
		return cty.NilVal
	}
	for {
		n, ok := name()
		if !ok {
			return out, fmt.Errorf("invalid address %q", addr)
		}
		if n != "module" {
			out.mode = Managed
			if n == "data" {
				out.mode = Data
				if n, ok = name(); !ok {
					return out, fmt.Errorf("invalid address %q", addr)
				}
			}
			out.typ = n
			if out.name, ok = name(); !ok {
				return out, fmt.Errorf("invalid address %q", addr)
			}
			out.key = key()
			return out, nil
		}
		mn, ok := name()
		if !ok {
			return out, fmt.Errorf("invalid address %q", addr)
		}
		out.modules = append(out.modules, moduleStep{name: mn, key: key()})
	}
}

// configModule returns the configuration of the module at the given steps.
func (b *planBuilder) configModule(steps []moduleStep) *configModule {
	if b.doc.Configuration == nil {
		return nil
	}
	m := b.doc.Configuration.RootModule
	for _, s := range steps {
		if m == nil {
			return nil
		}
		call := m.ModuleCalls[s.name]
		if call == nil {
			return nil
		}
		m = call.Module
	}
	return m
}

func (b *planBuilder) configCall(steps []moduleStep) *configCall {
	if len(steps) == 0 {
		return nil
	}
	parent := b.configModule(steps[:len(steps)-1])
	if parent == nil {
		return nil
	}
	return parent.ModuleCalls[steps[len(steps)-1].name]
}

// resource builds one instance.
func (b *planBuilder) resource(in PlanInstance, addr instanceAddress, mod *Module) *Resource {
	r := &Resource{Mode: in.Mode, Type: in.Type, Name: in.Name, Key: addr.key, Address: in.Address, Module: mod}
	var conf *configResource
	if cm := b.configModule(addr.modules); cm != nil {
		for _, cr := range cm.Resources {
			if cr.Address == addr.local() {
				conf = cr
				break
			}
		}
	}
	var eng *Resource
	if b.hcl != nil {
		eng = b.hcl.Lookup(in.Address)
		if eng == nil {
			// onus could not expand count or for_each: its one instance
			// stands for all of them.
			if e := b.hcl.Lookup(baseOf(in.Address)); e != nil && e.KeyUnknown {
				eng = e
			}
		}
	}
	rc := &refContext{b: b, steps: addr.modules, key: addr.key, conf: conf}
	var exprs map[string]json.RawMessage
	if conf != nil {
		exprs = conf.Expressions
		if exprs == nil {
			exprs = map[string]json.RawMessage{}
		}
	}
	var engBody *Block
	if eng != nil {
		engBody = eng.Body
	}
	fallback := b.fallbackRange(addr.modules)
	r.Body = b.body(schemaFor(r.Mode, r.Type), in.Values, in.Unknown, exprs, engBody, "", fallback, rc)
	r.Body.Type, r.Body.Labels = string(r.Mode), []string{r.Type, r.Name}
	return r
}

// hasInstance reports whether the plan has an instance at addr.
func (b *planBuilder) hasInstance(addr string) bool {
	b.indexAddresses()
	return b.addrs[addr]
}

// hasResource reports whether some instance address starts with prefix.
func (b *planBuilder) hasResource(prefix string) bool {
	b.indexAddresses()
	for a := range b.addrs {
		if strings.HasPrefix(a, prefix) {
			return true
		}
	}
	return false
}

func (b *planBuilder) indexAddresses() {
	if b.addrs != nil {
		return
	}
	b.addrs = map[string]bool{}
	for _, in := range b.doc.PlanInstances() {
		b.addrs[in.Address] = true
	}
}

// baseOf strips the instance key of the last step of an address.
func baseOf(addr string) string {
	a, err := parseInstanceAddress(addr)
	if err != nil || a.key == cty.NilVal {
		return addr
	}
	return modulePrefix(a.modules) + a.local()
}

func modulePrefix(steps []moduleStep) string {
	if len(steps) == 0 {
		return ""
	}
	return modulePath(steps) + "."
}

// fallbackRange is where a finding points when the HCL does not have the
// resource: the call of the outermost module in the root module when it is
// there (a registry or git module), else the first line of the plan file.
func (b *planBuilder) fallbackRange(steps []moduleStep) hcl.Range {
	if len(steps) > 0 && b.hcl != nil {
		if dm := b.rootDecl(); dm != nil {
			for _, mc := range dm.decl.modules {
				if mc.name == steps[0].name {
					return mc.block.DefRange
				}
			}
		}
	}
	start := hcl.Pos{Line: 1, Column: 1, Byte: 0}
	return hcl.Range{Filename: b.planName, Start: start, End: start}
}

func (b *planBuilder) rootDecl() *dirModule {
	if b.hcl == nil || b.proj == nil {
		return nil
	}
	for abs, dm := range b.proj.dirs {
		if b.proj.displayName(abs) == b.hcl.Root.Dir {
			return dm
		}
	}
	return nil
}

// body builds a resource body or nested block from planned values. An
// argument the configuration does not set is left out, even when the plan
// has a value for it (the provider's default) or marks it unknown (the
// provider computes it, as S3 versioning): checks judge it by the
// provider's default, as they do in HCL. exprs is nil when the
// configuration is not known (a dynamic block): then every value the plan
// has is taken as set.
func (b *planBuilder) body(s *schemaBlock, vals, unks map[string]any, exprs map[string]json.RawMessage, eng *Block, path string, fallback hcl.Range, rc *refContext) *Block {
	blk := &Block{Attributes: map[string]*Attribute{}, Path: path, DefRange: fallback, Range: fallback}
	if eng != nil {
		blk.DefRange, blk.Range = eng.DefRange, eng.Range
	}
	names := map[string]bool{}
	for k := range vals {
		names[k] = true
	}
	for k := range unks {
		names[k] = true
	}
	for _, name := range sortedKeys(names) {
		v, u := vals[name], unks[name]
		_, inConfig := exprs[name]
		var sa *schemaAttribute
		var ns *schemaNested
		if s != nil {
			sa, ns = s.Attributes[name], s.Blocks[name]
		}
		engBlocks := eng.BlocksOf(name)
		var engAttr *Attribute
		if eng != nil {
			engAttr = eng.Attributes[name]
		}
		asBlocks := ns != nil || (sa != nil && objectSequence(sa.typ) && (len(engBlocks) > 0 || engAttr == nil))
		if asBlocks {
			configured := inConfig || len(engBlocks) > 0 || exprs == nil
			if !configured && !knownNonEmpty(v, u) {
				continue
			}
			var inner *schemaBlock
			nesting := "list"
			switch {
			case ns != nil:
				inner, nesting = ns.Block, ns.Nesting
			case sa.typ.IsSetType():
				inner, nesting = objectSchema(sa.typ.ElementType()), "set"
			default:
				inner = objectSchema(sa.typ.ElementType())
			}
			blk.Blocks = append(blk.Blocks, b.blocks(name, inner, nesting, v, u, nestedExprs(exprs[name], inConfig), engBlocks, path, blk.DefRange, rc)...)
			continue
		}
		if exprs != nil && !inConfig && engAttr == nil {
			continue
		}
		if path != "" && eng != nil && !eng.Unknown && engAttr == nil {
			// A nested block the HCL has: its arguments are those it
			// sets. The plan's configuration cannot say for a dynamic
			// block (left out of it) or an element of a set of blocks
			// (whose order is Terraform's), and the plan fills every
			// field of an attribute written as blocks ("" for an unset
			// cidr_block of a network ACL's ingress).
			continue
		}
		if engAttr != nil && engAttr.Value.IsNull() {
			// Set to null (a variable defaulting to null): not set, as
			// Terraform reads it, even where the plan shows the value the
			// provider computes instead.
			continue
		}
		if v == nil && u != true {
			continue // null: not set
		}
		ty := cty.DynamicPseudoType
		if sa != nil {
			ty = sa.typ
		}
		a := &Attribute{Name: name, Path: joinPath(path, name), Range: blk.DefRange, Value: conformValue(jsonValueToCty(v, u), ty)}
		if engAttr != nil {
			a.Range, a.Refs = engAttr.Range, engAttr.Refs
			a.sameExpr(engAttr)
			if a.Value.IsWhollyKnown() && !engAttr.Value.IsWhollyKnown() && fromPolicyDocuments(engAttr.Refs) {
				// A policy Terraform renders from aws_iam_policy_document
				// data sources during the plan: the policy checks read
				// such a document themselves, statement by statement,
				// and report a problem at the statement. Read as the HCL
				// scan reads it, so that the finding is reported once,
				// where the HCL scan reports it, not again at the
				// rendered JSON.
				a.Value = engAttr.Value
			}
			if providerHashOf(a.Value, engAttr.Value) {
				// The provider plans a hash of the value (user_data of
				// aws_instance): read what the configuration wrote.
				a.Value = engAttr.Value
			}
			if !a.Value.IsWhollyKnown() {
				a.JSON, a.Rendered = engAttr.JSON, engAttr.Rendered
			}
		} else if raw, ok := exprs[name]; ok {
			a.Refs = rc.refs(raw)
		}
		blk.Attributes[name] = a
	}
	return blk
}

// blocks builds the nested blocks of one type.
func (b *planBuilder) blocks(name string, s *schemaBlock, nesting string, v, u any, entries []map[string]json.RawMessage, eng []*Block, path string, fallback hcl.Range, rc *refContext) []*Block {
	next := func(i int) string { return fmt.Sprintf("%s[%d]", joinPath(path, name), i) }
	if u == true {
		// Terraform cannot know the blocks yet: a dynamic block over an
		// unknown collection.
		rng := fallback
		if len(eng) > 0 {
			rng = eng[0].DefRange
		}
		return []*Block{{Type: name, Attributes: map[string]*Attribute{}, DefRange: rng, Range: rng, Unknown: true, Path: next(0)}}
	}
	var elems []any
	var unkElems []any
	switch x := v.(type) {
	case []any:
		elems = x
		unkElems, _ = u.([]any)
	case map[string]any:
		elems = []any{x}
		unkElems = []any{u}
	}
	// The configuration of each block: one entry per block for a list;
	// for a set, whose order is Terraform's, every entry's arguments.
	var merged map[string]json.RawMessage
	if entries != nil && nesting == "set" {
		merged = map[string]json.RawMessage{}
		for _, e := range entries {
			for k, x := range e {
				merged[k] = x
			}
		}
	}
	used := make([]bool, len(eng))
	var out []*Block
	for i, e := range elems {
		ev, _ := e.(map[string]any)
		eu, _ := index2(unkElems, i).(map[string]any)
		var ex map[string]json.RawMessage
		switch {
		case merged != nil:
			ex = merged
		case entries != nil && i < len(entries):
			ex = entries[i]
		case entries != nil:
			ex = map[string]json.RawMessage{}
		}
		var eb *Block
		if nesting == "set" {
			eb = matchBlock(s, ev, eng, used)
		} else if i < len(eng) {
			eb = eng[i]
		}
		bpath := next(i)
		if eb != nil && eb.Path != "" {
			bpath = eb.Path
		}
		nb := b.body(s, ev, eu, ex, eb, bpath, fallback, rc)
		nb.Type = name
		out = append(out, nb)
	}
	return out
}

// fromPolicyDocuments reports whether a value was derived from
// aws_iam_policy_document data sources alone (and from at least one). Other
// data sources (the account ID, the region) keep the value Terraform
// planned.
func fromPolicyDocuments(refs []Ref) bool {
	if len(refs) == 0 {
		return false
	}
	for _, r := range refs {
		a, err := parseInstanceAddress(r.Address)
		if err != nil || a.mode != Data || a.typ != "aws_iam_policy_document" {
			return false
		}
	}
	return true
}

func index2(l []any, i int) any {
	if i < len(l) {
		return l[i]
	}
	return nil
}

// matchBlock finds the HCL block that a planned element of a set of blocks
// came from: the first unused one whose known arguments all equal the
// planned values.
func matchBlock(s *schemaBlock, vals map[string]any, eng []*Block, used []bool) *Block {
	for i, eb := range eng {
		if used[i] || eb.Unknown {
			continue
		}
		same := true
		for name, a := range eb.Attributes {
			if !a.Value.IsWhollyKnown() || a.Value.IsNull() {
				continue
			}
			ty := cty.DynamicPseudoType
			if s != nil && s.Attributes[name] != nil {
				ty = s.Attributes[name].typ
			}
			pv := conformValue(jsonValueToCty(vals[name], nil), ty)
			if !pv.IsWhollyKnown() || !(sameValue(pv, a.Value) || sameJSONDocument(pv, a.Value)) {
				same = false
				break
			}
		}
		if same {
			used[i] = true
			return eb
		}
	}
	return nil
}

// sameValue compares two known values by their JSON rendering, which
// ignores the difference between tuples, lists and sets of equal content
// in the same order.
func sameValue(a, b cty.Value) bool {
	av, _ := planValue(a)
	bv, _ := planValue(b)
	x, err1 := json.Marshal(av)
	y, err2 := json.Marshal(bv)
	return err1 == nil && err2 == nil && string(x) == string(y)
}

// providerHashOf reports whether planned is the hexadecimal SHA-1 of the
// configured string, which is how the AWS provider plans the user_data of an
// instance (a StateFunc in the provider's EC2 service, observed with
// terraform plan and the AWS provider 5.100.0 on 2026-12-02).
func providerHashOf(planned, configured cty.Value) bool {
	if !planned.IsKnown() || planned.IsNull() || planned.Type() != cty.String || !configured.IsKnown() || configured.IsNull() || configured.Type() != cty.String {
		return false
	}
	p := planned.AsString()
	if len(p) != 2*sha1.Size {
		return false
	}
	sum := sha1.Sum([]byte(configured.AsString())) //nolint:gosec // the provider's hash, recognised, not used to protect anything
	return p == hex.EncodeToString(sum[:])
}

// sameJSONDocument reports whether two strings hold the same JSON document:
// the provider normalises a policy (key order, spacing) before planning it.
func sameJSONDocument(a, b cty.Value) bool {
	if a.Type() != cty.String || b.Type() != cty.String {
		return false
	}
	var x, y any
	if json.Unmarshal([]byte(a.AsString()), &x) != nil || json.Unmarshal([]byte(b.AsString()), &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}

func knownNonEmpty(v, u any) bool {
	if u == true || v == nil {
		return false
	}
	switch x := v.(type) {
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

// nestedExprs reads the configuration of a nested block type: a list of
// argument maps, one per block. nil when the configuration does not have
// the type (a dynamic block, which Terraform's JSON leaves out).
func nestedExprs(raw json.RawMessage, inConfig bool) []map[string]json.RawMessage {
	if !inConfig {
		return nil
	}
	var list []map[string]json.RawMessage
	if json.Unmarshal(raw, &list) == nil {
		return list
	}
	// An attribute written as blocks (ingress of aws_security_group)
	// appears as one expression; when it is a constant, its objects say
	// which fields the configuration sets: those that are not null.
	var e struct {
		ConstantValue []map[string]any `json:"constant_value"`
	}
	if json.Unmarshal(raw, &e) != nil || e.ConstantValue == nil {
		return nil
	}
	for _, obj := range e.ConstantValue {
		m := map[string]json.RawMessage{}
		for k, v := range obj {
			if v != nil {
				m[k] = json.RawMessage(`{}`)
			}
		}
		list = append(list, m)
	}
	return list
}

// jsonValueToCty converts a planned value and its after_unknown structure
// into a cty value: objects, tuples and primitives, unknown where
// Terraform's after_unknown says so.
func jsonValueToCty(v, u any) cty.Value {
	if u == true {
		return cty.DynamicVal
	}
	switch x := v.(type) {
	case nil:
		return cty.NullVal(cty.DynamicPseudoType)
	case string:
		return cty.StringVal(x)
	case bool:
		return cty.BoolVal(x)
	case json.Number:
		n, err := cty.ParseNumberVal(x.String())
		if err != nil {
			return cty.DynamicVal
		}
		return n
	case float64:
		return cty.NumberFloatVal(x)
	case []any:
		ul, _ := u.([]any)
		if len(x) == 0 {
			return cty.EmptyTupleVal
		}
		elems := make([]cty.Value, len(x))
		for i, e := range x {
			elems[i] = jsonValueToCty(e, index2(ul, i))
		}
		return cty.TupleVal(elems)
	case map[string]any:
		um, _ := u.(map[string]any)
		attrs := map[string]cty.Value{}
		for k, e := range x {
			attrs[k] = jsonValueToCty(e, um[k])
		}
		for k, e := range um {
			if _, ok := attrs[k]; !ok && e == true {
				attrs[k] = cty.DynamicVal
			}
		}
		if len(attrs) == 0 {
			return cty.EmptyObjectVal
		}
		return cty.ObjectVal(attrs)
	}
	return cty.DynamicVal
}

// refContext turns the references of a configuration expression into Refs
// to resource instances, following input variables to the module call and
// module outputs into the module, as far as the plan's configuration says.
type refContext struct {
	b     *planBuilder
	steps []moduleStep
	key   cty.Value
	conf  *configResource
}

func (rc *refContext) refs(raw json.RawMessage) []Ref {
	var e configExpr
	if json.Unmarshal(raw, &e) != nil {
		return nil
	}
	var out []Ref
	byKey := false
	for _, ref := range e.References {
		if (ref == "each.key" && rc.key != cty.NilVal && rc.key.Type() == cty.String) || (ref == "count.index" && rc.key != cty.NilVal && rc.key.Type() == cty.Number) {
			byKey = true
		}
		out = append(out, rc.resolve(ref, rc.steps, 0)...)
	}
	out = mostSpecificRefs(out)
	if byKey {
		out = rc.sameKey(out)
	}
	return out
}

// sameKey narrows references to a whole resource, in an expression that
// also reads each.key (count.index), to the instance with the referring
// instance's own key: Terraform records `aws_s3_bucket.b[each.key].id` as
// references to aws_s3_bucket.b and each.key. It does so only when that
// instance exists, and for a single such resource.
func (rc *refContext) sameKey(refs []Ref) []Ref {
	var bases []int
	for i, r := range refs {
		if a, err := parseInstanceAddress(r.Address); err == nil && a.key == cty.NilVal && rc.b.hasResource(r.Address+"[") {
			bases = append(bases, i)
		}
	}
	if len(bases) != 1 {
		return refs
	}
	addr := refs[bases[0]].Address + keyString(rc.key)
	if !rc.b.hasInstance(addr) {
		return refs
	}
	out := append([]Ref(nil), refs...)
	out[bases[0]].Address = addr
	return out
}

// resolve follows one reference made in the module at steps.
func (rc *refContext) resolve(ref string, steps []moduleStep, depth int) []Ref {
	if depth > 16 {
		return nil
	}
	tr, diags := hclsyntax.ParseTraversalAbs([]byte(ref), "", hcl.InitialPos)
	if diags.HasErrors() || len(tr) == 0 {
		return nil
	}
	attrAt := func(i int) (string, bool) {
		if i < len(tr) {
			if a, ok := tr[i].(hcl.TraverseAttr); ok {
				return a.Name, true
			}
		}
		return "", false
	}
	keyAt := func(i int) (cty.Value, bool) {
		if i < len(tr) {
			if ix, ok := tr[i].(hcl.TraverseIndex); ok {
				return ix.Key, true
			}
		}
		return cty.NilVal, false
	}
	prefix := modulePrefix(steps)
	switch root := tr.RootName(); root {
	case "var":
		name, ok := attrAt(1)
		if !ok || len(steps) == 0 {
			return nil
		}
		call := rc.b.configCall(steps)
		if call == nil || call.Expressions[name] == nil {
			return nil
		}
		var out []Ref
		for _, r := range call.Expressions[name].References {
			out = append(out, rc.resolve(r, steps[:len(steps)-1], depth+1)...)
		}
		return out
	case "module":
		name, ok := attrAt(1)
		if !ok {
			return nil
		}
		i := 2
		key, hasKey := keyAt(i)
		if hasKey {
			i++
		}
		output, ok := attrAt(i)
		if !ok {
			return nil
		}
		child := append(append([]moduleStep(nil), steps...), moduleStep{name: name, key: key})
		cm := rc.b.configModule(child)
		if cm == nil || cm.Outputs[output] == nil || cm.Outputs[output].Expression == nil {
			return nil
		}
		var out []Ref
		for _, r := range cm.Outputs[output].Expression.References {
			out = append(out, rc.resolve(r, child, depth+1)...)
		}
		return out
	case "each":
		// each.value of for_each = aws_x.y is the instance of aws_x.y with
		// the same key.
		if v, ok := attrAt(1); !ok || v != "value" || rc.conf == nil || rc.conf.ForEachExpression == nil || rc.key == cty.NilVal {
			return nil
		}
		var target string
		for _, r := range rc.conf.ForEachExpression.References {
			t, d := hclsyntax.ParseTraversalAbs([]byte(r), "", hcl.InitialPos)
			if d.HasErrors() || len(t) != 2 {
				continue
			}
			if n := t.RootName(); n == "var" || n == "local" || n == "module" || n == "data" || n == "each" || n == "count" {
				return nil
			}
			if a, ok := t[1].(hcl.TraverseAttr); ok {
				if target != "" && target != t.RootName()+"."+a.Name {
					return nil
				}
				target = t.RootName() + "." + a.Name
			}
		}
		if target == "" {
			return nil
		}
		attr, _ := attrAt(2)
		return []Ref{{Address: prefix + target + keyString(rc.key), Attr: attr}}
	case "local", "count", "path", "self", "terraform":
		return nil
	case "data":
		typ, ok1 := attrAt(1)
		name, ok2 := attrAt(2)
		if !ok1 || !ok2 {
			return nil
		}
		i := 3
		addr := prefix + "data." + typ + "." + name
		if k, ok := keyAt(i); ok {
			addr += keyString(k)
			i++
		}
		attr, _ := attrAt(i)
		return []Ref{{Address: addr, Attr: attr}}
	default:
		name, ok := attrAt(1)
		if !ok {
			return nil
		}
		i := 2
		addr := prefix + root + "." + name
		if k, ok := keyAt(i); ok {
			addr += keyString(k)
			i++
		}
		attr, _ := attrAt(i)
		return []Ref{{Address: addr, Attr: attr}}
	}
}

// mostSpecificRefs drops a reference when a more precise one to the same
// resource is there: Terraform lists `aws_s3_bucket.b["a"].id`,
// `aws_s3_bucket.b["a"]` and `aws_s3_bucket.b` for one expression.
func mostSpecificRefs(refs []Ref) []Ref {
	refs = uniqueRefs(refs)
	var out []Ref
	for _, r := range refs {
		covered := false
		for _, o := range refs {
			if o == r {
				continue
			}
			if o.Address == r.Address && r.Attr == "" && o.Attr != "" {
				covered = true
			}
			if strings.HasPrefix(o.Address, r.Address+"[") && r.Attr == "" {
				covered = true
			}
		}
		if !covered {
			out = append(out, r)
		}
	}
	return out
}
