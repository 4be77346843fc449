package checks

// This file reads IAM policy documents, whatever syntax they are written in,
// into one shape that every policy check shares (IAM, S3 bucket policies,
// queue/topic/key policies). The sources it understands:
//
//   - a known JSON string: a literal, a heredoc, file(), templatefile();
//   - the partly unknown result of jsonencode(...) (Attribute.JSON);
//   - a heredoc or quoted template whose interpolations are unknown (the
//     literal text is parsed, each unknown interpolation becomes an unknown
//     value);
//   - data "aws_iam_policy_document", with its statement blocks and its
//     source_policy_documents / override_policy_documents (and the deprecated
//     source_json / override_json), merged the way the AWS provider merges
//     them.
//
// Unknown parts stay unknown: a list keeps only its known items and says
// whether it is complete, so that no check can flag what it cannot see.
//
// Locations. Every statement and element carries a policyLocation: the
// resource to report against (Owner), the range and the fingerprint path.
//
//   - jsonencode({...}): the range of the element's expression inside the
//     object constructor, so a finding points at the `Action = "*"` line.
//   - heredoc JSON: the real line of the element inside the heredoc.
//   - file()/templatefile(), quoted strings, values passed through locals or
//     variables: the range of the policy argument itself.
//   - data "aws_iam_policy_document": the element inside the `actions` /
//     `resources` / `identifiers` list of the data source, and the Owner is
//     the data source itself. A document used by two consumers is therefore
//     reported once, against the data source's own address (and a module
//     instantiated twice yields the same range, which the runner dedupes);
//     the fingerprint path ("statement[0].actions") does not depend on who
//     consumes the document.
//
// Paths: for JSON documents the path is the argument path followed by the
// element, e.g. `policy.Statement[1].Action`; for data sources it is the
// block path of the element, e.g. `statement[0].actions`.

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/onus-sec/onus/analyzer"
)

// maxPolicyDocumentDepth bounds how far source/override documents are
// followed from one aws_iam_policy_document to the next. Terraform forbids
// cycles, but a bound keeps a broken or adversarial tree cheap.
const maxPolicyDocumentDepth = 8

// policyLocation says where a policy element is and whom to report it
// against.
type policyLocation struct {
	// Owner is the resource (or data source) whose source holds the element.
	Owner *analyzer.Resource
	// Range is the element's source range, as precise as the syntax allows.
	Range hcl.Range
	// Path identifies the element within Owner for the fingerprint.
	Path string
	// literal, when set, may know a narrower range for the string key: the
	// element of a list written out literally.
	literal *literalRanges
	key     string
	// ranges, when set, knows the range of node.
	ranges *nodeRanges
	node   *pnode
}

// report files a finding of the running check at this location.
func (l policyLocation) report(p *analyzer.Pass, format string, args ...any) {
	p.ReportRange(l.Owner, l.where(), l.Path, format, args...)
}

// where is the element's range.
func (l policyLocation) where() hcl.Range {
	if l.ranges != nil {
		return l.ranges.of(l.node)
	}
	if r, ok := l.literal.get(l.key); ok {
		return r
	}
	return l.Range
}

// literalRanges are the ranges of the literal string elements of a list
// argument (literalElementRanges), worked out the first time a finding
// needs one: few elements are ever reported, and reading the argument's
// expression means parsing it again.
type literalRanges struct {
	attr   *analyzer.Attribute
	once   sync.Once
	ranges map[string]hcl.Range
}

func (l *literalRanges) get(s string) (hcl.Range, bool) {
	if l == nil {
		return hcl.Range{}, false
	}
	l.once.Do(func() { l.ranges = literalElementRanges(l.attr.Expr()) })
	r, ok := l.ranges[s]
	return r, ok
}

// policyValue is one known string of a policy element: an action, a
// resource ARN, a principal identifier, a condition value.
type policyValue struct {
	Text string
	policyLocation
}

// policyValues is an element that may be written as one string or a list of
// strings (Action, Resource, a principal type's identifiers, condition
// values).
type policyValues struct {
	// Present is set when the element appears in the statement (even if its
	// value is unknown).
	Present bool
	// Known is set when every item is known; Items lists only known items.
	Known bool
	Items []policyValue
	// Prefixes are the known prefixes of the unknown items, and Open is set
	// when some unknown part may be any value at all (no known prefix).
	Prefixes []string
	Open     bool
	policyLocation
}

// mayEqual reports whether an unknown part of the element may be exactly s:
// an item with no known prefix may be anything, one with a prefix only what
// starts with it.
func (v *policyValues) mayEqual(s string) bool {
	if v.Open {
		return true
	}
	for _, p := range v.Prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// find returns the first known item for which match is true, or nil.
func (v *policyValues) find(match func(string) bool) *policyValue {
	for i := range v.Items {
		if match(v.Items[i].Text) {
			return &v.Items[i]
		}
	}
	return nil
}

// texts returns the known items as strings.
func (v *policyValues) texts() []string {
	var out []string
	for _, it := range v.Items {
		out = append(out, it.Text)
	}
	return out
}

// policyPrincipal is one principal type of a Principal element with its
// identifiers. Type is "AWS", "Service", "Federated", "CanonicalUser", or
// "*" for the bare `"Principal": "*"`.
type policyPrincipal struct {
	Type        string
	Identifiers policyValues
}

// policyPrincipals is a Principal or NotPrincipal element.
type policyPrincipals struct {
	Present bool
	// Known is false when the element, a principal type or a dynamic
	// principals block could not be read; Entries then holds what could.
	Known bool
	// Open is set when a part that could not be read may name anyone: not
	// only unknown identifiers of a known type.
	Open    bool
	Entries []policyPrincipal
	policyLocation
}

// mayBeWildcard reports whether the element, not known to name everyone,
// may: an unreadable part, or an unknown identifier of type "*" or AWS that
// may be "*".
func (pr *policyPrincipals) mayBeWildcard() bool {
	if pr.Open {
		return true
	}
	for i := range pr.Entries {
		e := &pr.Entries[i]
		if (e.Type == "*" || strings.EqualFold(e.Type, "AWS")) && !e.Identifiers.Known && e.Identifiers.mayEqual("*") {
			return true
		}
	}
	return false
}

// policyCondition is one operator/key pair of a Condition element, e.g.
// Operator "StringEquals", Key "aws:PrincipalOrgID", Values ["o-abc"].
type policyCondition struct {
	Operator string
	Key      string
	Values   policyValues
	policyLocation
}

// policyStatement is one statement of a policy document.
type policyStatement struct {
	Sid string
	// Effect is "Allow" or "Deny" when EffectKnown; AWS compares it case
	// sensitively ("The Effect value is case sensitive", IAM User Guide,
	// Effect element, checked 2026-12).
	Effect      string
	EffectKnown bool

	Action, NotAction, Resource, NotResource policyValues
	Principal, NotPrincipal                  policyPrincipals

	// Conditions lists the readable operator/key pairs (their values may be
	// partly unknown). ConditionsKnown is false when some condition could not
	// be read at all (an unknown Condition element, a dynamic condition block
	// over an unknown collection), so the statement may be narrower than it
	// looks.
	Conditions      []policyCondition
	ConditionsKnown bool

	// Unreadable marks the stand-in for statements that could not be read
	// at all (an unknown Statement element, a dynamic statement block over
	// an unknown collection): nothing about it is known. Checks never
	// report it; they record it as an unknown control.
	Unreadable bool

	policyLocation
}

// allows reports whether the statement is known to be an Allow. A Deny grants
// nothing, and a statement of unknown effect must not produce a finding.
func (s *policyStatement) allows() bool { return s.EffectKnown && s.Effect == "Allow" }

// mayAllow reports whether the statement is, or may be, an Allow.
func (s *policyStatement) mayAllow() bool { return !s.EffectKnown || s.Effect == "Allow" }

// unreadableStatement stands for the statements of a document that could not
// be read, at the document's location.
func unreadableStatement(owner *analyzer.Resource, rng hcl.Range, path string) *policyStatement {
	unknown := policyValues{Present: true}
	return &policyStatement{
		Unreadable:     true,
		Action:         unknown,
		NotAction:      unknown,
		Resource:       unknown,
		NotResource:    unknown,
		Principal:      policyPrincipals{},
		NotPrincipal:   policyPrincipals{},
		policyLocation: policyLocation{Owner: owner, Range: rng, Path: path},
	}
}

// noteUnknownStatement records that the running check cannot decide about a
// statement because of the named elements (those that are unknown among
// them): the control on the statement's owner shows as unknown, naming them.
func noteUnknownStatement(p *analyzer.Pass, s *policyStatement, elements ...string) {
	if s.Unreadable {
		p.NoteUnknown(s.Owner, s.Path+" (statements that cannot be read before apply)")
		return
	}
	var named []string
	for _, e := range elements {
		if what := s.unknownElement(e); what != "" {
			named = append(named, what)
		}
	}
	if len(named) == 0 {
		named = []string{s.Path}
	}
	for _, what := range named {
		p.NoteUnknown(s.Owner, what)
	}
}

// unknownElement names element e of the statement ("Effect", "Action",
// "Resource", "NotAction", "NotResource", "Principal", "Condition") when its
// value is not wholly known, and returns "" otherwise.
func (s *policyStatement) unknownElement(e string) string {
	var v *policyValues
	switch e {
	case "Effect":
		if s.EffectKnown {
			return ""
		}
		return s.Path + ".effect"
	case "Principal":
		if s.Principal.Known {
			return ""
		}
		return elementPath(s.Principal.policyLocation, s.Path, "principals")
	case "Condition":
		if s.ConditionsKnown && conditionValuesKnown(s) {
			return ""
		}
		return s.Path + ".condition"
	case "Action":
		v = &s.Action
	case "NotAction":
		v = &s.NotAction
	case "Resource":
		v = &s.Resource
	case "NotResource":
		v = &s.NotResource
	default:
		return ""
	}
	if v.Known {
		return ""
	}
	return elementPath(v.policyLocation, s.Path, strings.ToLower(e))
}

// elementPath is the path of a statement element for an unknown control:
// its own path when it has one, else the statement's.
func elementPath(l policyLocation, stmt, name string) string {
	if l.Path != "" {
		return l.Path
	}
	return stmt + "." + name
}

// conditionValuesKnown reports whether every condition value is known.
func conditionValuesKnown(s *policyStatement) bool {
	for _, c := range s.Conditions {
		if !c.Values.Known {
			return false
		}
	}
	return true
}

// isIdentityStatement reports whether the statement has neither Principal nor
// NotPrincipal, i.e. it belongs to an identity-based policy. AWS requires a
// principal in resource-based and trust policies and forbids one in
// identity-based policies (IAM User Guide, "Principal" element, checked
// 2026-12), so the statement itself tells which kind it is — also for a
// data "aws_iam_policy_document" whose consumer is unknown.
func (s *policyStatement) isIdentityStatement() bool {
	return !s.Principal.Present && !s.NotPrincipal.Present
}

// policyDocument is a policy as onus could read it.
type policyDocument struct {
	// Statements in the order the document (or the provider's merge) yields.
	Statements []*policyStatement
	// Complete is false when some statements could not be read: an unknown
	// Statement element, a dynamic statement block over an unknown
	// collection, a source document that cannot be resolved.
	Complete bool
}

// readPolicy reads the policy held by argument a of r (e.g. the `policy` of an
// aws_iam_policy, or `inline_policy[0].policy` of an aws_iam_role). It returns
// nil when a is nil (the argument is not set). Statements that come from a
// data "aws_iam_policy_document" are owned by that data source.
//
// A document is read once per configuration and shared by every check that
// asks (analyzer.Pass.Memo): it must not be changed.
func readPolicy(p *analyzer.Pass, r *analyzer.Resource, a *analyzer.Attribute) *policyDocument {
	if a == nil {
		return nil
	}
	return p.Memo(policyMemoKey{r, a}, func() any {
		return readPolicyAttr(p, r, a, 0, map[string]bool{})
	}).(*policyDocument)
}

// readPolicyDocument reads a data "aws_iam_policy_document" instance, merged
// with its source and override documents; like readPolicy, once per
// configuration.
func readPolicyDocument(p *analyzer.Pass, doc *analyzer.Resource) *policyDocument {
	return p.Memo(policyMemoKey{doc, nil}, func() any {
		return readDataDocument(p, doc, 0, map[string]bool{})
	}).(*policyDocument)
}

// policyMemoKey names a policy read for analyzer.Pass.Memo: the argument
// that holds it, or a data source (attr nil).
type policyMemoKey struct {
	r    *analyzer.Resource
	attr *analyzer.Attribute
}

func readPolicyAttr(p *analyzer.Pass, r *analyzer.Resource, a *analyzer.Attribute, depth int, seen map[string]bool) *policyDocument {
	path := a.Path
	if path == "" {
		path = a.Name
	}
	src := policySource{owner: r, path: path, rng: a.Range}
	if a.JSON == nil && !a.Value.IsKnown() {
		if doc := referencedPolicyDocument(p, a); doc != nil {
			return readDataDocument(p, doc, depth+1, seen)
		}
	}
	return readPolicyValue(a.Value, a.JSON, a.Expr, src)
}

// policySource describes where a JSON policy came from, for locations.
type policySource struct {
	owner *analyzer.Resource
	path  string
	rng   hcl.Range
	// ranges, when set, gives the nodes their ranges on demand.
	ranges *nodeRanges
}

// at is the location of node n of the policy.
func (s policySource) at(n *pnode, path string) policyLocation {
	return policyLocation{Owner: s.owner, Range: n.rng, Path: path, ranges: s.ranges, node: n}
}

// nodeRanges gives the nodes of a policy read from a value their source
// ranges the first time a finding needs one: they come from the argument's
// expression, which the model parses again to give, and most policies
// are never reported.
type nodeRanges struct {
	once   sync.Once
	root   *pnode
	locate func() *pnode
	rng    hcl.Range
}

func (r *nodeRanges) of(n *pnode) hcl.Range {
	r.once.Do(func() {
		attachRanges(r.root, r.locate())
		r.root.fillRanges(r.rng)
	})
	return n.rng
}

// readPolicyValue reads a JSON policy from an evaluated value: json is the
// structure behind an unknown jsonencode result, expr gives the source
// expression used to locate elements (or nil).
func readPolicyValue(v cty.Value, json *analyzer.JSONSource, exprOf func() hcl.Expression, src policySource) *policyDocument {
	v, _ = v.UnmarkDeep()
	var root *pnode
	switch {
	case json != nil:
		root = ctyNode(json.Value)
		src.ranges = &nodeRanges{root: root, rng: src.rng, locate: func() *pnode { return exprNode(json.Expr()) }}
		return buildPolicy(root, src)
	case v.IsKnown() && !v.IsNull() && v.Type() == cty.String:
		var err error
		root, err = parsePolicyJSON(v.AsString())
		if err != nil {
			return &policyDocument{}
		}
		src.ranges = &nodeRanges{root: root, rng: src.rng, locate: func() *pnode { return locateExpr(exprOf()) }}
		return buildPolicy(root, src)
	}
	expr := exprOf()
	switch {
	case !v.IsKnown() && expr != nil:
		// An unknown string built by a template (a heredoc with
		// interpolations): parse the literal text with each interpolation
		// standing for an unknown value.
		tmpl, ok := unwrapTemplate(expr)
		if !ok {
			return &policyDocument{}
		}
		text, pos := templateText(tmpl)
		n, err := parsePolicyJSON(text)
		if err != nil {
			return &policyDocument{}
		}
		if pos != nil {
			n.locate(tmpl.SrcRange.Filename, pos)
		}
		root = n
	default:
		return &policyDocument{}
	}
	root.fillRanges(src.rng)
	return buildPolicy(root, src)
}

// referencedPolicyDocument returns the aws_iam_policy_document whose json an
// unknown argument holds, when the argument refers to exactly one document
// and nothing else that could change its value.
func referencedPolicyDocument(p *analyzer.Pass, a *analyzer.Attribute) *analyzer.Resource {
	var addr string
	for _, ref := range a.Refs {
		if !isPolicyDocumentAddress(ref.Address) || (ref.Attr != "json" && ref.Attr != "minified_json") {
			return nil
		}
		if addr != "" && addr != ref.Address {
			return nil
		}
		addr = ref.Address
	}
	if addr == "" {
		return nil
	}
	doc := p.Lookup(addr)
	if doc == nil || doc.Mode != analyzer.Data {
		return nil
	}
	return doc
}

// isPolicyDocumentAddress reports whether addr names an instance of
// data.aws_iam_policy_document, in any module.
func isPolicyDocumentAddress(addr string) bool {
	i := strings.LastIndex(addr, "data.aws_iam_policy_document.")
	return i == 0 || (i > 0 && addr[i-1] == '.')
}

// buildPolicy turns a parsed document into statements.
func buildPolicy(root *pnode, src policySource) *policyDocument {
	doc := &policyDocument{Complete: true}
	if root.kind != pObject {
		doc.Complete = false
		return doc
	}
	st := root.get("Statement")
	switch {
	case st == nil:
	case st.kind == pUnknown:
		doc.Complete = false
	case st.kind == pObject:
		doc.Statements = append(doc.Statements, buildStatement(st, src, src.path+".Statement"))
	case st.kind == pArray:
		for i, e := range st.elems {
			switch e.kind {
			case pObject:
				doc.Statements = append(doc.Statements, buildStatement(e, src, fmt.Sprintf("%s.Statement[%d]", src.path, i)))
			case pUnknown:
				doc.Complete = false
			}
		}
	default:
		doc.Complete = false
	}
	return doc
}

func buildStatement(n *pnode, src policySource, path string) *policyStatement {
	s := &policyStatement{
		policyLocation:  src.at(n, path),
		ConditionsKnown: true,
	}
	if sid := n.get("Sid"); sid != nil && sid.kind == pString {
		s.Sid = sid.text
	}
	switch eff := n.get("Effect"); {
	case eff == nil:
		// Effect is required; AWS rejects a statement without it, so it
		// grants nothing.
		s.EffectKnown = true
	case eff.kind == pString:
		s.Effect, s.EffectKnown = eff.text, true
	case eff.kind == pNull:
		s.EffectKnown = true
	}
	s.Action = jsonValues(n.get("Action"), src, path+".Action")
	s.NotAction = jsonValues(n.get("NotAction"), src, path+".NotAction")
	s.Resource = jsonValues(n.get("Resource"), src, path+".Resource")
	s.NotResource = jsonValues(n.get("NotResource"), src, path+".NotResource")
	s.Principal = jsonPrincipals(n.get("Principal"), src, path+".Principal")
	s.NotPrincipal = jsonPrincipals(n.get("NotPrincipal"), src, path+".NotPrincipal")
	s.Conditions, s.ConditionsKnown = jsonConditions(n.get("Condition"), src, path+".Condition")
	return s
}

// jsonValues reads a string-or-list element. A missing element is not
// Present; a null one is Present and empty.
func jsonValues(n *pnode, src policySource, path string) policyValues {
	if n == nil {
		return policyValues{Known: true}
	}
	v := policyValues{Present: true, Known: true, policyLocation: src.at(n, path)}
	add := func(e *pnode) {
		switch e.kind {
		case pString:
			v.Items = append(v.Items, policyValue{Text: e.text, policyLocation: src.at(e, path)})
		case pNull:
		case pUnknown:
			v.Known = false
			if e.text == "" {
				v.Open = true
			} else {
				v.Prefixes = append(v.Prefixes, e.text)
			}
		default:
			v.Known = false
			v.Open = true
		}
	}
	if n.kind == pArray {
		for _, e := range n.elems {
			add(e)
		}
	} else {
		add(n)
	}
	return v
}

func jsonPrincipals(n *pnode, src policySource, path string) policyPrincipals {
	if n == nil {
		return policyPrincipals{Known: true}
	}
	pr := policyPrincipals{Present: true, Known: true, policyLocation: src.at(n, path)}
	switch n.kind {
	case pString:
		// Only "*" is valid as a bare string principal.
		pr.Entries = append(pr.Entries, policyPrincipal{Type: "*", Identifiers: jsonValues(n, src, path)})
	case pObject:
		for i, k := range n.keys {
			ids := jsonValues(n.members[i], src, path+"."+k)
			if !ids.Known {
				pr.Known = false
			}
			pr.Entries = append(pr.Entries, policyPrincipal{Type: k, Identifiers: ids})
		}
	case pNull:
	default:
		pr.Known, pr.Open = false, true
	}
	return pr
}

func jsonConditions(n *pnode, src policySource, path string) ([]policyCondition, bool) {
	if n == nil || n.kind == pNull {
		return nil, true
	}
	if n.kind != pObject {
		return nil, false
	}
	known := true
	var out []policyCondition
	for i, op := range n.keys {
		keys := n.members[i]
		if keys.kind != pObject {
			known = false
			continue
		}
		for j, key := range keys.keys {
			vals := jsonValues(keys.members[j], src, path)
			out = append(out, policyCondition{
				Operator:       op,
				Key:            key,
				Values:         vals,
				policyLocation: src.at(keys.members[j], path),
			})
		}
	}
	return out, known
}

// readDataDocument reads a data "aws_iam_policy_document" and merges it with
// its source and override documents in the provider's order: source_json,
// source_policy_documents, this document's statements, then
// override_policy_documents and override_json; a later statement with a
// non-blank sid replaces an earlier one with the same sid, other statements
// are appended (AWS provider docs, data source aws_iam_policy_document,
// argument reference, v5, checked 2026-12).
func readDataDocument(p *analyzer.Pass, doc *analyzer.Resource, depth int, seen map[string]bool) *policyDocument {
	out := &policyDocument{Complete: true}
	if doc == nil || depth > maxPolicyDocumentDepth || seen[doc.Address] {
		out.Complete = false
		return out
	}
	seen[doc.Address] = true
	defer delete(seen, doc.Address)

	merge := func(d *policyDocument) {
		if !d.Complete {
			out.Complete = false
		}
		out.Statements = mergeStatements(out.Statements, d.Statements)
	}
	for _, name := range []string{"source_json", "source_policy_documents"} {
		for _, d := range readDocumentList(p, doc, doc.Attr(name), depth, seen) {
			merge(d)
		}
	}
	own := &policyDocument{Complete: true}
	for _, b := range doc.Body.BlocksOf("statement") {
		if b.Unknown {
			own.Complete = false
			continue
		}
		own.Statements = append(own.Statements, blockStatement(doc, b))
	}
	merge(own)
	for _, name := range []string{"override_policy_documents", "override_json"} {
		for _, d := range readDocumentList(p, doc, doc.Attr(name), depth, seen) {
			merge(d)
		}
	}
	return out
}

// mergeStatements adds next to base: a statement with a non-blank sid
// replaces the base statement with the same sid, in place; others are
// appended.
func mergeStatements(base, next []*policyStatement) []*policyStatement {
	for _, s := range next {
		replaced := false
		if s.Sid != "" {
			for i, b := range base {
				if b.Sid == s.Sid {
					base[i], replaced = s, true
					break
				}
			}
		}
		if !replaced {
			base = append(base, s)
		}
	}
	return base
}

// readDocumentList reads the documents of a source/override argument: a
// list (or, for the deprecated *_json arguments, a single string) whose
// elements are JSON strings or references to other policy documents.
func readDocumentList(p *analyzer.Pass, doc *analyzer.Resource, a *analyzer.Attribute, depth int, seen map[string]bool) []*policyDocument {
	if a == nil {
		return nil
	}
	path := a.Path
	if path == "" {
		path = a.Name
	}
	v, _ := a.Value.UnmarkDeep()
	var elems []cty.Value
	single := v.Type() == cty.String
	switch {
	case !v.IsKnown():
		// The whole list is unknown: only a lone reference can be followed.
		if d := referencedPolicyDocument(p, a); d != nil {
			return []*policyDocument{readDataDocument(p, d, depth+1, seen)}
		}
		return []*policyDocument{{}}
	case single:
		elems = []cty.Value{v}
	default:
		elems = analyzer.Elements(v)
	}
	expr := a.Expr()
	exprs := listElementExprs(expr, len(elems))
	if single {
		exprs = []hcl.Expression{expr}
	}
	var out []*policyDocument
	unknown := 0
	for i, e := range elems {
		if e.IsNull() {
			continue
		}
		if !e.IsKnown() {
			unknown++
			continue
		}
		epath := fmt.Sprintf("%s[%d]", path, i)
		if single {
			epath = path
		}
		rng := a.Range
		var elem hcl.Expression
		if exprs != nil {
			elem = exprs[i]
			rng = elem.Range()
		}
		out = append(out, readPolicyValue(e, nil, func() hcl.Expression { return elem }, policySource{owner: doc, path: epath, rng: rng}))
	}
	if unknown > 0 {
		// Unknown elements are references to other documents (or values
		// onus cannot see). Follow the references when there is exactly
		// one per unknown element; otherwise the merge is incomplete.
		var docs []*analyzer.Resource
		seenAddr := map[string]bool{}
		for _, ref := range a.Refs {
			if isPolicyDocumentAddress(ref.Address) && (ref.Attr == "json" || ref.Attr == "minified_json") && !seenAddr[ref.Address] {
				seenAddr[ref.Address] = true
				if d := p.Lookup(ref.Address); d != nil {
					docs = append(docs, d)
				}
			}
		}
		if len(docs) != unknown {
			out = append(out, &policyDocument{})
		} else {
			for _, d := range docs {
				out = append(out, readDataDocument(p, d, depth+1, seen))
			}
		}
	}
	return out
}

// listElementExprs returns the element expressions of a list constructor
// when they correspond one to one with the evaluated elements.
func listElementExprs(expr hcl.Expression, n int) []hcl.Expression {
	t, ok := expr.(*hclsyntax.TupleConsExpr)
	if !ok || len(t.Exprs) != n {
		return nil
	}
	out := make([]hcl.Expression, n)
	for i, e := range t.Exprs {
		out[i] = e
	}
	return out
}

// blockStatement reads one `statement` block of a policy document data
// source. The provider's default effect is Allow.
func blockStatement(doc *analyzer.Resource, b *analyzer.Block) *policyStatement {
	path := b.Path
	if path == "" {
		path = "statement"
	}
	s := &policyStatement{
		policyLocation:  policyLocation{Owner: doc, Range: b.DefRange, Path: path},
		ConditionsKnown: true,
	}
	// The reader records no unknown read itself: whether an unknown element
	// matters is for each check to say (noteUnknownStatement).
	if sid, ok := quietString(b.Attr("sid")); ok {
		s.Sid = sid
	}
	s.Effect, s.EffectKnown = "Allow", true
	if a := b.Attr("effect"); a != nil {
		s.Effect, s.EffectKnown = analyzer.StringValue(a.Value)
	}
	s.Action = attrValues(doc, b, "actions")
	s.NotAction = attrValues(doc, b, "not_actions")
	s.Resource = attrValues(doc, b, "resources")
	s.NotResource = attrValues(doc, b, "not_resources")
	s.Principal = blockPrincipals(doc, b, "principals")
	s.NotPrincipal = blockPrincipals(doc, b, "not_principals")
	for _, cb := range b.BlocksOf("condition") {
		if cb.Unknown {
			s.ConditionsKnown = false
			continue
		}
		test, ok1 := quietString(cb.Attr("test"))
		variable, ok2 := quietString(cb.Attr("variable"))
		if !ok1 || !ok2 {
			s.ConditionsKnown = false
			continue
		}
		vals := attrValues(doc, cb, "values")
		s.Conditions = append(s.Conditions, policyCondition{
			Operator:       test,
			Key:            variable,
			Values:         vals,
			policyLocation: policyLocation{Owner: doc, Range: cb.DefRange, Path: cb.Path},
		})
	}
	return s
}

// attrValues reads a list-of-strings argument of a data source block, with
// each item located at its own element expression when the list is written
// out literally.
func attrValues(doc *analyzer.Resource, b *analyzer.Block, name string) policyValues {
	a := b.Attr(name)
	if a == nil {
		// An argument set to null, or absent, is not part of the document.
		return policyValues{Known: true}
	}
	path := a.Path
	if path == "" {
		path = name
	}
	loc := policyLocation{Owner: doc, Range: a.Range, Path: path}
	v := policyValues{Present: true, policyLocation: loc}
	items, known := analyzer.StringsValue(a.Value)
	v.Known = known
	if !known {
		v.Prefixes, v.Open = unknownPrefixes(a.Value)
	}
	literal := &literalRanges{attr: a}
	for _, s := range items {
		it := policyValue{Text: s, policyLocation: loc}
		it.literal, it.key = literal, s
		v.Items = append(v.Items, it)
	}
	return v
}

// unknownPrefixes returns the known prefixes of the unknown strings of a
// list (or of a lone string), and open when some unknown part has none.
func unknownPrefixes(v cty.Value) (prefixes []string, open bool) {
	v, _ = v.UnmarkDeep()
	if !v.IsKnown() {
		if v.Type() == cty.String {
			if p := v.Range().StringPrefix(); p != "" {
				return []string{p}, false
			}
		}
		return nil, true
	}
	if v.IsNull() {
		return nil, false
	}
	if v.Type() == cty.String {
		return nil, false
	}
	for _, e := range analyzer.Elements(v) {
		if e.IsKnown() {
			continue
		}
		p := ""
		if e.Type() == cty.String {
			p = e.Range().StringPrefix()
		}
		if p == "" {
			return prefixes, true
		}
		prefixes = append(prefixes, p)
	}
	return prefixes, false
}

// literalElementRanges maps each literal string element of a list
// constructor to its range. Elements that are not literals are skipped, so a
// value that came from elsewhere keeps the whole argument's range.
func literalElementRanges(expr hcl.Expression) map[string]hcl.Range {
	t, ok := expr.(*hclsyntax.TupleConsExpr)
	if !ok {
		return nil
	}
	out := map[string]hcl.Range{}
	for _, e := range t.Exprs {
		if s, ok := literalString(e); ok {
			if _, dup := out[s]; !dup {
				out[s] = e.Range()
			}
		}
	}
	return out
}

// literalString evaluates an expression that needs no context (a quoted
// string without interpolation).
func literalString(e hcl.Expression) (string, bool) {
	if len(e.Variables()) > 0 {
		return "", false
	}
	if _, isCall := e.(*hclsyntax.FunctionCallExpr); isCall {
		return "", false
	}
	v, diags := e.Value(nil)
	if diags.HasErrors() {
		return "", false
	}
	return analyzer.StringValue(v)
}

// blockPrincipals reads the principals or not_principals blocks of a
// statement block. `type = "*"` with `identifiers = ["*"]` renders
// `"Principal": "*"`; `type = "AWS"` renders `{"AWS": ...}` (AWS provider
// docs, aws_iam_policy_document, checked 2026-12).
func blockPrincipals(doc *analyzer.Resource, b *analyzer.Block, name string) policyPrincipals {
	blocks := b.BlocksOf(name)
	if len(blocks) == 0 {
		return policyPrincipals{Known: true}
	}
	pr := policyPrincipals{Present: true, Known: true, policyLocation: policyLocation{Owner: doc, Range: blocks[0].DefRange, Path: blocks[0].Path}}
	for _, pb := range blocks {
		if pb.Unknown {
			pr.Known, pr.Open = false, true
			continue
		}
		typ, ok := quietString(pb.Attr("type"))
		if !ok {
			pr.Known, pr.Open = false, true
			continue
		}
		ids := attrValues(doc, pb, "identifiers")
		if !ids.Known {
			pr.Known = false
		}
		pr.Entries = append(pr.Entries, policyPrincipal{Type: typ, Identifiers: ids})
	}
	return pr
}

// ---------------------------------------------------------------------------
// Generic document tree, from JSON text, cty values or HCL expressions.

type pkind int

const (
	pUnknown pkind = iota
	pNull
	pString // strings, and numbers and booleans in their JSON spelling
	pObject
	pArray
)

// pnode is one value of a policy document, whatever syntax it came from.
type pnode struct {
	kind pkind
	// text is a string's value, or the known prefix of an unknown one.
	text    string
	keys    []string
	members []*pnode
	elems   []*pnode

	rng    hcl.Range
	hasRng bool
	// off and end are byte offsets in the parsed text (JSON only).
	off, end int
}

// get returns the member with the given key, compared without regard to
// case (the last one when a key is repeated, as JSON decoders do), or nil.
func (n *pnode) get(key string) *pnode {
	if n == nil || n.kind != pObject {
		return nil
	}
	for i := len(n.keys) - 1; i >= 0; i-- {
		if strings.EqualFold(n.keys[i], key) {
			return n.members[i]
		}
	}
	return nil
}

// fillRanges gives every node without a range its parent's.
func (n *pnode) fillRanges(parent hcl.Range) {
	if !n.hasRng {
		n.rng, n.hasRng = parent, true
	}
	for _, m := range n.members {
		m.fillRanges(n.rng)
	}
	for _, e := range n.elems {
		e.fillRanges(n.rng)
	}
}

// locate converts the byte offsets of a node tree parsed from template text
// into source ranges.
func (n *pnode) locate(filename string, pos func(off int) (hcl.Pos, bool)) {
	start, ok1 := pos(n.off)
	end, ok2 := pos(n.end)
	if ok1 && ok2 {
		if end.Line != start.Line && (n.kind == pString || n.kind == pUnknown) {
			end = start
		}
		n.rng = hcl.Range{Filename: filename, Start: start, End: end}
		n.hasRng = true
	}
	for _, m := range n.members {
		m.locate(filename, pos)
	}
	for _, e := range n.elems {
		e.locate(filename, pos)
	}
}

// attachRanges copies ranges from a location tree (built from source
// syntax) onto a value tree (built from the evaluated value), matching
// object members by key and list elements by position. Where the trees
// diverge, descendants keep the nearest range found.
func attachRanges(val, loc *pnode) {
	if val == nil || loc == nil {
		return
	}
	if loc.hasRng {
		val.rng, val.hasRng = loc.rng, true
		if val.kind == pObject && loc.kind != pObject || val.kind == pArray && loc.kind != pArray {
			return
		}
	}
	switch val.kind {
	case pObject:
		for i, k := range val.keys {
			for j := len(loc.keys) - 1; j >= 0; j-- {
				if loc.keys[j] == k {
					attachRanges(val.members[i], loc.members[j])
					break
				}
			}
		}
	case pArray:
		if loc.kind == pArray && len(loc.elems) == len(val.elems) {
			for i := range val.elems {
				attachRanges(val.elems[i], loc.elems[i])
			}
		}
	}
}

// ctyNode converts an evaluated value into a document tree.
func ctyNode(v cty.Value) *pnode {
	v, _ = v.UnmarkDeep()
	switch {
	case !v.IsKnown():
		// An unknown string built by a template keeps its known prefix
		// ("arn:aws:iam::${...}:root"), which rules some values out.
		n := &pnode{kind: pUnknown}
		if v.Type() == cty.String {
			n.text = v.Range().StringPrefix()
		}
		return n
	case v.IsNull():
		return &pnode{kind: pNull}
	}
	t := v.Type()
	switch {
	case t == cty.String:
		return &pnode{kind: pString, text: v.AsString()}
	case t == cty.Number:
		return &pnode{kind: pString, text: v.AsBigFloat().Text('f', -1)}
	case t == cty.Bool:
		if v.True() {
			return &pnode{kind: pString, text: "true"}
		}
		return &pnode{kind: pString, text: "false"}
	case t.IsObjectType() || t.IsMapType():
		n := &pnode{kind: pObject}
		m := v.AsValueMap()
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			n.keys = append(n.keys, k)
			n.members = append(n.members, ctyNode(m[k]))
		}
		return n
	case t.IsListType() || t.IsSetType() || t.IsTupleType():
		n := &pnode{kind: pArray}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			n.elems = append(n.elems, ctyNode(e))
		}
		return n
	}
	return &pnode{kind: pUnknown}
}

// exprNode builds a location tree from the source expression of a value:
// object and tuple constructors are followed, anything else is a leaf that
// stands for its whole value.
func exprNode(e hcl.Expression) *pnode {
	if e == nil {
		return nil
	}
	switch x := e.(type) {
	case *hclsyntax.ParenthesesExpr:
		return exprNode(x.Expression)
	case *hclsyntax.ObjectConsExpr:
		n := &pnode{kind: pObject, rng: x.SrcRange, hasRng: true}
		for _, item := range x.Items {
			k, ok := objectKey(item.KeyExpr)
			if !ok {
				continue
			}
			member := exprNode(item.ValueExpr)
			if member.kind != pObject && member.kind != pArray {
				// A scalar member points at `Key = value`, which is the
				// line a reader looks for.
				member.rng = hcl.RangeBetween(item.KeyExpr.Range(), item.ValueExpr.Range())
			}
			n.keys = append(n.keys, k)
			n.members = append(n.members, member)
		}
		return n
	case *hclsyntax.TupleConsExpr:
		n := &pnode{kind: pArray, rng: x.SrcRange, hasRng: true}
		for _, el := range x.Exprs {
			n.elems = append(n.elems, exprNode(el))
		}
		return n
	}
	return &pnode{kind: pUnknown, rng: e.Range(), hasRng: true}
}

// objectKey returns the name of an object constructor key written as a bare
// word or a literal string.
func objectKey(e hcl.Expression) (string, bool) {
	if kw := hcl.ExprAsKeyword(e); kw != "" {
		return kw, true
	}
	if k, ok := e.(*hclsyntax.ObjectConsKeyExpr); ok {
		return literalString(k.Wrapped)
	}
	return literalString(e)
}

// locateExpr builds a location tree for a known JSON string from the
// expression that produced it: the argument of jsonencode, or the text of a
// heredoc. Other expressions (file(), references) give no tree, and every
// element then points at the policy argument.
func locateExpr(expr hcl.Expression) *pnode {
	if w, ok := expr.(*hclsyntax.TemplateWrapExpr); ok {
		// "${jsonencode({...})}"
		expr = w.Wrapped
	}
	if x, ok := expr.(*hclsyntax.FunctionCallExpr); ok {
		if x.Name == "jsonencode" && len(x.Args) == 1 {
			return exprNode(x.Args[0])
		}
		return nil
	}
	tmpl, ok := unwrapTemplate(expr)
	if !ok {
		return nil
	}
	text, pos := templateText(tmpl)
	if pos == nil {
		return nil
	}
	n, err := parsePolicyJSON(text)
	if err != nil {
		return nil
	}
	n.locate(tmpl.SrcRange.Filename, pos)
	return n
}

// unwrapTemplate returns the template behind a string expression.
func unwrapTemplate(expr hcl.Expression) (*hclsyntax.TemplateExpr, bool) {
	t, ok := expr.(*hclsyntax.TemplateExpr)
	return t, ok
}

// unknownMark stands for an interpolation in template text: the JSON reader
// treats it as an unknown value, or makes the string containing it unknown.
const unknownMark = '\x00'

// templateText renders a template's literal text with unknownMark for every
// interpolation, and, for heredocs, a function mapping a byte offset of that
// text to its source position. Quoted strings get no position function:
// their escapes make offsets unreliable, and they sit on one line anyway.
func templateText(t *hclsyntax.TemplateExpr) (string, func(int) (hcl.Pos, bool)) {
	type segment struct {
		off, end int
		start    hcl.Pos
		literal  bool
	}
	var b strings.Builder
	var segs []segment
	for _, part := range t.Parts {
		off := b.Len()
		if lit, ok := part.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String && lit.Val.IsKnown() {
			b.WriteString(lit.Val.AsString())
			segs = append(segs, segment{off: off, end: b.Len(), start: lit.SrcRange.Start, literal: true})
			continue
		}
		b.WriteByte(unknownMark)
		segs = append(segs, segment{off: off, end: b.Len(), start: part.Range().Start})
	}
	text := b.String()
	heredoc := len(segs) > 0 && segs[0].start.Line > t.SrcRange.Start.Line
	if !heredoc {
		return text, nil
	}
	// A flush heredoc (<<-) strips the common indentation; the first
	// literal's start column tells how much.
	indent := 0
	if segs[0].literal {
		indent = segs[0].start.Column - 1
	}
	pos := func(off int) (hcl.Pos, bool) {
		for _, s := range segs {
			if off < s.off || off > s.end {
				continue
			}
			if !s.literal {
				return s.start, true
			}
			k := off - s.off
			chunk := text[s.off : s.off+k]
			nl := strings.Count(chunk, "\n")
			if nl == 0 {
				return hcl.Pos{Line: s.start.Line, Column: s.start.Column + k, Byte: s.start.Byte + k}, true
			}
			last := strings.LastIndexByte(chunk, '\n')
			col := k - last
			return hcl.Pos{Line: s.start.Line + nl, Column: indent + col, Byte: s.start.Byte + k + nl*indent}, true
		}
		return hcl.Pos{}, false
	}
	return text, pos
}

// ---------------------------------------------------------------------------
// A small JSON reader that remembers where each value starts and ends, so that
// an element of a heredoc policy can be reported on its own line. It also
// accepts unknownMark as a value, or inside a string (which makes the string
// unknown), standing for a template interpolation.

// maxJSONDepth bounds nesting; a policy document is at most five levels deep.
const maxJSONDepth = 64

type jsonReader struct {
	s   string
	pos int
}

// parsePolicyJSON parses a JSON document as AWS accepts it (a leading byte
// order mark is ignored).
func parsePolicyJSON(s string) (*pnode, error) {
	r := &jsonReader{s: s}
	if strings.HasPrefix(s, "\ufeff") {
		r.pos = len("\ufeff")
	}
	n, err := r.value(0)
	if err != nil {
		return nil, err
	}
	r.space()
	if r.pos != len(r.s) {
		return nil, fmt.Errorf("offset %d: unexpected %q after the document", r.pos, r.s[r.pos])
	}
	return n, nil
}

func (r *jsonReader) space() {
	for r.pos < len(r.s) {
		switch r.s[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}

func (r *jsonReader) value(depth int) (*pnode, error) {
	if depth > maxJSONDepth {
		return nil, fmt.Errorf("offset %d: nesting deeper than %d", r.pos, maxJSONDepth)
	}
	r.space()
	if r.pos >= len(r.s) {
		return nil, fmt.Errorf("unexpected end of document")
	}
	start := r.pos
	var n *pnode
	var err error
	switch c := r.s[r.pos]; {
	case c == '{':
		n, err = r.object(depth)
	case c == '[':
		n, err = r.array(depth)
	case c == '"':
		n, err = r.str()
	case c == unknownMark:
		r.pos++
		n = &pnode{kind: pUnknown}
	case c == 't':
		n, err = r.word("true", pString)
	case c == 'f':
		n, err = r.word("false", pString)
	case c == 'n':
		n, err = r.word("null", pNull)
	case c == '-' || c >= '0' && c <= '9':
		n, err = r.number()
	default:
		return nil, fmt.Errorf("offset %d: unexpected %q", r.pos, c)
	}
	if err != nil {
		return nil, err
	}
	n.off, n.end = start, r.pos
	return n, nil
}

func (r *jsonReader) object(depth int) (*pnode, error) {
	n := &pnode{kind: pObject}
	r.pos++ // {
	r.space()
	if r.pos < len(r.s) && r.s[r.pos] == '}' {
		r.pos++
		return n, nil
	}
	for {
		r.space()
		if r.pos >= len(r.s) || r.s[r.pos] != '"' {
			return nil, fmt.Errorf("offset %d: object key expected", r.pos)
		}
		k, err := r.str()
		if err != nil {
			return nil, err
		}
		if k.kind != pString {
			// An interpolated key cannot be matched to an element name.
			k.text = string(unknownMark)
		}
		r.space()
		if r.pos >= len(r.s) || r.s[r.pos] != ':' {
			return nil, fmt.Errorf("offset %d: ':' expected", r.pos)
		}
		r.pos++
		v, err := r.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.keys = append(n.keys, k.text)
		n.members = append(n.members, v)
		r.space()
		if r.pos >= len(r.s) {
			return nil, fmt.Errorf("unexpected end of document in object")
		}
		switch r.s[r.pos] {
		case ',':
			r.pos++
		case '}':
			r.pos++
			return n, nil
		default:
			return nil, fmt.Errorf("offset %d: ',' or '}' expected", r.pos)
		}
	}
}

func (r *jsonReader) array(depth int) (*pnode, error) {
	n := &pnode{kind: pArray}
	r.pos++ // [
	r.space()
	if r.pos < len(r.s) && r.s[r.pos] == ']' {
		r.pos++
		return n, nil
	}
	for {
		v, err := r.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.elems = append(n.elems, v)
		r.space()
		if r.pos >= len(r.s) {
			return nil, fmt.Errorf("unexpected end of document in array")
		}
		switch r.s[r.pos] {
		case ',':
			r.pos++
		case ']':
			r.pos++
			return n, nil
		default:
			return nil, fmt.Errorf("offset %d: ',' or ']' expected", r.pos)
		}
	}
}

// str reads a string; one containing unknownMark is unknown.
func (r *jsonReader) str() (*pnode, error) {
	start := r.pos
	r.pos++ // opening quote
	var b strings.Builder
	unknown := false
	// prefix is the text before the first unknown interpolation.
	prefix := ""
	for {
		if r.pos >= len(r.s) {
			return nil, fmt.Errorf("offset %d: unterminated string", start)
		}
		c := r.s[r.pos]
		switch {
		case c == '"':
			r.pos++
			if unknown {
				return &pnode{kind: pUnknown, text: prefix}, nil
			}
			return &pnode{kind: pString, text: b.String()}, nil
		case c == unknownMark:
			if !unknown {
				prefix = b.String()
			}
			unknown = true
			r.pos++
		case c == '\\':
			if err := r.escape(&b); err != nil {
				return nil, err
			}
		case c < 0x20:
			return nil, fmt.Errorf("offset %d: control character in string", r.pos)
		default:
			b.WriteByte(c)
			r.pos++
		}
	}
}

func (r *jsonReader) escape(b *strings.Builder) error {
	if r.pos+1 >= len(r.s) {
		return fmt.Errorf("offset %d: unterminated escape", r.pos)
	}
	c := r.s[r.pos+1]
	r.pos += 2
	switch c {
	case '"', '\\', '/':
		b.WriteByte(c)
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'u':
		cp, ok := r.hex4()
		if !ok {
			return fmt.Errorf("offset %d: bad \\u escape", r.pos)
		}
		if cp >= 0xD800 && cp < 0xDC00 && strings.HasPrefix(r.s[r.pos:], "\\u") {
			save := r.pos
			r.pos += 2
			if lo, ok := r.hex4(); ok && lo >= 0xDC00 && lo < 0xE000 {
				cp = 0x10000 + (cp-0xD800)<<10 + (lo - 0xDC00)
			} else {
				r.pos = save
			}
		}
		if cp < 0 || cp > utf8.MaxRune {
			return fmt.Errorf("offset %d: escape outside Unicode", r.pos)
		}
		b.WriteRune(rune(cp)) // #nosec G115 -- range checked above
	default:
		return fmt.Errorf("offset %d: bad escape \\%c", r.pos-2, c)
	}
	return nil
}

func (r *jsonReader) hex4() (int, bool) {
	if r.pos+4 > len(r.s) {
		return 0, false
	}
	v := 0
	for _, c := range []byte(r.s[r.pos : r.pos+4]) {
		v <<= 4
		switch {
		case c >= '0' && c <= '9':
			v |= int(c - '0')
		case c >= 'a' && c <= 'f':
			v |= int(c-'a') + 10
		case c >= 'A' && c <= 'F':
			v |= int(c-'A') + 10
		default:
			return 0, false
		}
	}
	r.pos += 4
	return v, true
}

func (r *jsonReader) word(w string, kind pkind) (*pnode, error) {
	if !strings.HasPrefix(r.s[r.pos:], w) {
		return nil, fmt.Errorf("offset %d: unexpected literal", r.pos)
	}
	r.pos += len(w)
	if kind == pNull {
		return &pnode{kind: pNull}, nil
	}
	return &pnode{kind: kind, text: w}, nil
}

// number reads a JSON number and keeps its spelling (an account ID written as
// a number stays "123456789012").
func (r *jsonReader) number() (*pnode, error) {
	start := r.pos
	if r.s[r.pos] == '-' {
		r.pos++
	}
	digits := func() int {
		n := 0
		for r.pos < len(r.s) && r.s[r.pos] >= '0' && r.s[r.pos] <= '9' {
			r.pos++
			n++
		}
		return n
	}
	if r.pos < len(r.s) && r.s[r.pos] == '0' {
		// JSON allows no leading zeros.
		r.pos++
	} else if digits() == 0 {
		return nil, fmt.Errorf("offset %d: bad number", start)
	}
	if r.pos < len(r.s) && r.s[r.pos] == '.' {
		r.pos++
		if digits() == 0 {
			return nil, fmt.Errorf("offset %d: bad number", start)
		}
	}
	if r.pos < len(r.s) && (r.s[r.pos] == 'e' || r.s[r.pos] == 'E') {
		r.pos++
		if r.pos < len(r.s) && (r.s[r.pos] == '+' || r.s[r.pos] == '-') {
			r.pos++
		}
		if digits() == 0 {
			return nil, fmt.Errorf("offset %d: bad number", start)
		}
	}
	return &pnode{kind: pString, text: r.s[start:r.pos]}, nil
}

// ---------------------------------------------------------------------------
// Shared knowledge about policy elements: what counts as everyone, as every
// action, as a write, as a condition that narrows a grant. Each has a table
// test in iampolicy_test.go.

// isWildcardPrincipal reports whether one identifier of a principal type
// stands for everyone: the bare `"Principal": "*"` (type "*") or "*" under
// "AWS". AWS documents the two as equivalent grants to all principals
// (anonymous ones included in resource policies); an identifier cannot
// otherwise contain a wildcard (IAM User Guide, Principal element, checked
// 2026-12). Service, Federated and CanonicalUser identifiers name one party.
func isWildcardPrincipal(typ, id string) bool {
	return id == "*" && (typ == "*" || strings.EqualFold(typ, "AWS"))
}

// wildcardPrincipal returns the identifier that opens a Principal element to
// everyone, or nil when none is known to.
func wildcardPrincipal(pr *policyPrincipals) *policyValue {
	for i := range pr.Entries {
		e := &pr.Entries[i]
		if v := e.Identifiers.find(func(id string) bool { return isWildcardPrincipal(e.Type, id) }); v != nil {
			return v
		}
	}
	return nil
}

// Condition keys that restrict who can use a grant, by the kind of value
// they hold (IAM User Guide, AWS global condition context keys, checked
// 2026-12; kms:CallerAccount from the AWS KMS key policy defaults, which grant
// Principal "*" narrowed by it).
var (
	// ipConditionKeys hold the caller's address; only IpAddress narrows them.
	ipConditionKeys = map[string]bool{"aws:sourceip": true, "aws:vpcsourceip": true}
	// arnConditionKeys hold an ARN (of the caller, or of the resource a
	// service acts for).
	arnConditionKeys = map[string]bool{"aws:sourcearn": true, "aws:principalarn": true}
	// exactConditionKeys hold account and organization IDs. AWS lists them
	// among the "sensitive" keys for which a wildcard, even in part of the
	// value, has no valid use: any wildcard makes them match strangers.
	exactConditionKeys = map[string]bool{
		"aws:sourceaccount": true, "aws:principalaccount": true, "aws:principalorgid": true,
		"aws:sourceorgid": true, "aws:sourceowner": true, "kms:calleraccount": true,
	}
	// otherNarrowingKeys hold identifiers that name one network path, one
	// organization subtree or one caller.
	otherNarrowingKeys = map[string]bool{
		"aws:sourcevpce": true, "aws:sourcevpc": true, "aws:principalorgpaths": true,
		"aws:sourceorgpaths": true, "aws:userid": true,
	}
)

// conditionOperator splits an operator into its base name (lower case), its
// ForAllValues/ForAnyValue qualifier and its IfExists suffix.
func conditionOperator(op string) (base, qualifier string, ifExists bool) {
	base = strings.ToLower(op)
	if i := strings.IndexByte(base, ':'); i >= 0 {
		qualifier, base = base[:i], base[i+1:]
	}
	if strings.HasSuffix(base, "ifexists") {
		base, ifExists = strings.TrimSuffix(base, "ifexists"), true
	}
	return base, qualifier, ifExists
}

// positiveOperator reports whether an operator only matches requests whose
// key holds one of the listed values, so that it can narrow a grant:
//
//   - the negated operators (StringNotEquals, NotIpAddress, ArnNotLike...)
//     match everyone else;
//   - ...IfExists matches every request that lacks the key ("If the key is
//     not present, evaluate the condition element as true");
//   - ForAllValues matches a request with no value for the key at all ("The
//     ForAllValues set operator also returns true if there are no context
//     keys in the request"), while ForAnyValue needs one matching value.
//
// (IAM User Guide, condition operators and multivalued context keys, checked
// 2026-12.)
func positiveOperator(op string) (base string, ok bool) {
	base, qualifier, ifExists := conditionOperator(op)
	if ifExists || qualifier == "forallvalues" || qualifier != "" && qualifier != "foranyvalue" {
		return base, false
	}
	switch base {
	case "stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike", "ipaddress":
		return base, true
	}
	return base, false
}

// narrowingCondition reports whether a condition restricts who a statement
// applies to: an operator that only matches listed values, on a key that
// identifies the caller, its network or its organization, with values that
// are not wildcards. A condition on aws:SecureTransport, MFA or time does not
// say who. A value onus cannot see may narrow, so unknown values count as
// narrowing (unknown never produces a finding).
func narrowingCondition(c policyCondition) bool {
	key := strings.ToLower(c.Key)
	if key == "elasticfilesystem:accessedviamounttarget" {
		return mountTargetOnly(c)
	}
	base, ok := positiveOperator(c.Operator)
	if !ok {
		return false
	}
	var valueNarrows func(string) bool
	switch {
	case ipConditionKeys[key]:
		if base != "ipaddress" {
			return false
		}
		valueNarrows = narrowIPValue
	case arnConditionKeys[key]:
		if base == "ipaddress" {
			return false
		}
		valueNarrows = narrowARNValue
	case exactConditionKeys[key]:
		if base == "ipaddress" {
			return false
		}
		valueNarrows = func(s string) bool { return s != "" && !strings.ContainsAny(s, "*?") }
	case otherNarrowingKeys[key]:
		if base == "ipaddress" {
			return false
		}
		valueNarrows = func(s string) bool { return strings.Trim(s, "*?") != "" }
	default:
		return false
	}
	return everyValue(c, valueNarrows)
}

// everyValue reports whether every value of a condition passes narrows.
// Values are ORed: one value that matches anyone opens the condition. A
// condition with no value narrows nothing; one whose values onus cannot see
// may narrow.
func everyValue(c policyCondition, narrows func(string) bool) bool {
	if !c.Values.Known {
		return true
	}
	if len(c.Values.Items) == 0 {
		return false
	}
	for _, v := range c.Values.Items {
		if !narrows(v.Text) {
			return false
		}
	}
	return true
}

// mountTargetOnly reports whether a condition admits only NFS clients that
// reach an EFS file system through one of its mount targets, that is from
// inside a VPC that has one: `Bool elasticfilesystem:AccessedViaMountTarget
// "true"`. This is how the EFS console's own preset policies ("Prevent root
// access by default", "Prevent anonymous access"...) grant Principal "*", a
// narrowing of the network path like aws:SourceVpc (Amazon EFS User Guide,
// creating file system policies and condition keys for clients, checked
// 2026-12).
func mountTargetOnly(c policyCondition) bool {
	base, qualifier, ifExists := conditionOperator(c.Operator)
	if base != "bool" || qualifier != "" || ifExists {
		return false
	}
	return everyValue(c, func(s string) bool { return strings.EqualFold(s, "true") })
}

// narrowIPValue reports whether an IpAddress value names less than the whole
// address space.
func narrowIPValue(s string) bool {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '/'); i >= 0 {
		bits := strings.TrimLeft(s[i+1:], "0")
		return bits != ""
	}
	return s != "" && s != "*"
}

// narrowARNValue reports whether an ARN pattern names one account (or, for
// services whose ARNs carry no account, such as S3 buckets, one resource).
func narrowARNValue(s string) bool {
	parts := strings.SplitN(s, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" {
		return false
	}
	account, resource := parts[4], parts[5]
	if account != "" {
		return !strings.ContainsAny(account, "*?")
	}
	return strings.Trim(resource, "*?/") != "" && !strings.HasPrefix(resource, "*")
}

// narrowsPrincipal reports whether a statement's conditions (may) restrict
// who it applies to.
func narrowsPrincipal(s *policyStatement) bool {
	if !s.ConditionsKnown {
		return true
	}
	for _, c := range s.Conditions {
		if narrowingCondition(c) {
			return true
		}
	}
	return false
}

// surelyNarrowsPrincipal reports whether a condition whose values are all
// known restricts who the statement applies to. Conditions are ANDed, so one
// such condition narrows whatever the others say.
func surelyNarrowsPrincipal(s *policyStatement) bool {
	for _, c := range s.Conditions {
		if c.Values.Known && narrowingCondition(c) {
			return true
		}
	}
	return false
}

// publicGrant says whether a statement grants to everyone: yes when it is a
// known Allow to a known wildcard principal with no condition that narrows
// it (what s3-public-policy and iam-wildcard-principal report); maybe when
// an unknown effect, principal or condition leaves it open; no otherwise.
func publicGrant(s *policyStatement) tri {
	who := wildcardPrincipal(&s.Principal)
	switch {
	case s.Unreadable:
		return triMaybe
	case !s.mayAllow(), surelyNarrowsPrincipal(s):
		return triNo
	case who == nil && !s.Principal.mayBeWildcard():
		return triNo
	case s.allows() && who != nil && !narrowsPrincipal(s):
		return triYes
	}
	return triMaybe
}

// scopesResources reports whether a statement's conditions (may) restrict
// the resources it applies to, as the AWS managed policies do when they pair
// Resource "*" with a tag or service condition: a positive match on a
// resource tag, request tag, the resource's account or organization, or a
// service-specific key (iam:PassedToService, ec2:Vpc, s3:prefix...). Global
// request keys (aws:SecureTransport, aws:MultiFactorAuthPresent, time,
// region) do not say which resources.
func scopesResources(s *policyStatement) bool {
	if !s.ConditionsKnown {
		return true
	}
	return scopingCondition(s, false)
}

// surelyScopesResources reports whether a condition whose values are all
// known scopes the resources of the statement.
func surelyScopesResources(s *policyStatement) bool { return scopingCondition(s, true) }

// scopingCondition reports whether some condition of s scopes its resources;
// with knownOnly, a condition with unknown values does not count.
func scopingCondition(s *policyStatement, knownOnly bool) bool {
	for _, c := range s.Conditions {
		base, ok := positiveOperator(c.Operator)
		if !ok || base == "ipaddress" {
			continue
		}
		key := strings.ToLower(c.Key)
		tag := strings.Contains(key, "resourcetag/") || strings.Contains(key, "requesttag/")
		scoping := tag || key == "aws:resourceaccount" || key == "aws:resourceorgid" || key == "aws:resourceorgpaths" ||
			!strings.HasPrefix(key, "aws:")
		if !scoping {
			continue
		}
		if !c.Values.Known {
			if knownOnly {
				continue
			}
			return true
		}
		for _, v := range c.Values.Items {
			// A key absent from the request matches no value, not even
			// "*" (IAM User Guide, condition keys not present in the
			// request): on a tag, "*" still means "carries this tag",
			// as in AWS's own EBS CSI driver policy.
			if tag || strings.Trim(v.Text, "*?") != "" {
				return true
			}
		}
	}
	return false
}

// splitAction splits "service:Action" into its parts; an action without a
// colon has an empty service.
func splitAction(a string) (service, name string) {
	if i := strings.IndexByte(a, ':'); i >= 0 {
		return a[:i], a[i+1:]
	}
	return "", a
}

// isFullWildcardAction reports whether an action pattern matches every action
// of every service: "*" (or the equivalent "*:*").
func isFullWildcardAction(a string) bool {
	a = strings.TrimSpace(a)
	return a == "*" || a == "*:*"
}

// isServiceWildcardAction reports whether an action pattern matches every
// action of one service, "<service>:*". Narrower patterns such as
// "s3:Get*" are not: CHECKS.md draws the line at "<service>:*".
func isServiceWildcardAction(a string) bool {
	svc, name := splitAction(strings.TrimSpace(a))
	return svc != "" && !strings.ContainsAny(svc, "*?") && name == "*"
}

// writeVerbs are the leading verbs of actions at the Write, Permissions
// management and Tagging access levels of the Service Authorization
// Reference (e.g. iam:PutRolePolicy, iam:PassRole, s3:DeleteBucket,
// ec2:RunInstances, sts:AssumeRole). Read and List actions start with Get,
// List, Describe, Head, Search... and are not here.
var writeVerbs = []string{
	"Accept", "Activate", "Add", "Allocate", "Apply", "Assign", "Associate", "Assume", "Attach",
	"Authorize", "Cancel", "Change", "Copy", "Create", "Deactivate", "Delete", "Deregister",
	"Detach", "Disable", "Disassociate", "Enable", "Import", "Invoke", "Modify", "Pass",
	"Publish", "Purge", "Put", "Reboot", "Register", "Release", "Remove", "Replace", "Reset",
	"Restore", "Revoke", "Rotate", "Run", "Send", "Set", "Start", "Stop", "Tag", "Terminate",
	"Unassign", "Untag", "Update", "Upload", "Write",
}

// isWriteAction reports whether an action pattern can match a write or
// permissions-management action: a full or service wildcard, a name that
// starts with a write verb, or a pattern whose literal prefix could start one
// ("s3:*Object", "iam:Pu*"). Read-only patterns such as "s3:Get*" or
// "ec2:Describe*" are not.
func isWriteAction(a string) bool {
	a = strings.TrimSpace(a)
	if isFullWildcardAction(a) {
		return true
	}
	svc, name := splitAction(a)
	if svc == "" {
		return false
	}
	if strings.ContainsAny(svc, "*?") {
		// A service wildcard such as "*:Put*" spans every service.
		return true
	}
	prefix, wild := name, false
	if i := strings.IndexAny(name, "*?"); i >= 0 {
		prefix, wild = name[:i], true
	}
	lp := strings.ToLower(prefix)
	// Batch actions take the verb after "Batch": ecr:BatchImportUpstreamImage
	// and dynamodb:BatchWriteItem write, ecr:BatchGetImage reads.
	const batch = "batch"
	if rest, ok := strings.CutPrefix(lp, batch); ok {
		lp = rest
	} else if wild && lp != "" && len(lp) < len(batch) && batch[:len(lp)] == lp {
		// "ecr:Ba*" may match a Batch write action.
		return true
	}
	for _, v := range writeVerbs {
		lv := strings.ToLower(v)
		if strings.HasPrefix(lp, lv) || wild && strings.HasPrefix(lv, lp) {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// Where policies live in a configuration.

// policyKind says what a policy argument holds.
type policyKind int

// Kinds of policy argument.
const (
	// identityPolicy is attached to a user, group, role or permission set.
	identityPolicy policyKind = iota + 1
	// trustPolicy says who may assume a role.
	trustPolicy
	// resourcePolicy is attached to a resource and names principals.
	resourcePolicy
)

// policyArgument names an argument that holds a policy document. Block is
// the nested block that holds it, "" for a top-level argument.
type policyArgument struct {
	Type, Block, Name string
	Kind              policyKind
}

// policyArguments lists the arguments of the AWS provider (v5) that hold a
// policy document. VPC endpoint policies are left out on purpose: their
// `Principal "*"` is the norm, as the policy only filters traffic that
// already passes through the endpoint.
var policyArguments = []policyArgument{
	{Type: "aws_iam_policy", Name: "policy", Kind: identityPolicy},
	{Type: "aws_iam_role_policy", Name: "policy", Kind: identityPolicy},
	{Type: "aws_iam_user_policy", Name: "policy", Kind: identityPolicy},
	{Type: "aws_iam_group_policy", Name: "policy", Kind: identityPolicy},
	{Type: "aws_iam_role", Block: "inline_policy", Name: "policy", Kind: identityPolicy},
	{Type: "aws_ssoadmin_permission_set_inline_policy", Name: "inline_policy", Kind: identityPolicy},
	{Type: "aws_iam_role", Name: "assume_role_policy", Kind: trustPolicy},
	{Type: "aws_s3_bucket_policy", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_s3_bucket", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_s3_access_point", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_sqs_queue_policy", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_sqs_queue", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_sns_topic_policy", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_sns_topic", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_kms_key", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_kms_key_policy", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_ecr_repository_policy", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_secretsmanager_secret_policy", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_secretsmanager_secret", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_glacier_vault", Name: "access_policy", Kind: resourcePolicy},
	{Type: "aws_efs_file_system_policy", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_opensearch_domain", Name: "access_policies", Kind: resourcePolicy},
	{Type: "aws_opensearch_domain_policy", Name: "access_policies", Kind: resourcePolicy},
	{Type: "aws_elasticsearch_domain", Name: "access_policies", Kind: resourcePolicy},
	{Type: "aws_elasticsearch_domain_policy", Name: "access_policies", Kind: resourcePolicy},
	{Type: "aws_cloudwatch_log_resource_policy", Name: "policy_document", Kind: resourcePolicy},
	{Type: "aws_api_gateway_rest_api", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_api_gateway_rest_api_policy", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_backup_vault_policy", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_cloudwatch_event_bus_policy", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_glue_resource_policy", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_dynamodb_resource_policy", Name: "policy", Kind: resourcePolicy},
	{Type: "aws_codeartifact_domain_permissions_policy", Name: "policy_document", Kind: resourcePolicy},
	{Type: "aws_codeartifact_repository_permissions_policy", Name: "policy_document", Kind: resourcePolicy},
}

// policyArgumentTypes returns the resource types that hold policies of the
// given kinds (all kinds when none are given), for Check.Resources.
func policyArgumentTypes(kinds ...policyKind) []string {
	seen := map[string]bool{}
	var out []string
	for _, pa := range policyArguments {
		if !kindIn(pa.Kind, kinds) || seen[pa.Type] {
			continue
		}
		seen[pa.Type] = true
		out = append(out, pa.Type)
	}
	return out
}

func kindIn(k policyKind, kinds []policyKind) bool {
	if len(kinds) == 0 {
		return true
	}
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// heldPolicy is one policy argument set in the configuration.
type heldPolicy struct {
	Resource *analyzer.Resource
	Attr     *analyzer.Attribute
	policyArgument
}

// heldPolicies lists every policy argument set in the configuration, of the
// given kinds (all when none), in catalogue then address order.
func heldPolicies(p *analyzer.Pass, kinds ...policyKind) []heldPolicy {
	var out []heldPolicy
	for _, pa := range policyArguments {
		if !kindIn(pa.Kind, kinds) {
			continue
		}
		for _, r := range p.Resources(pa.Type) {
			if pa.Block == "" {
				if a := r.Attr(pa.Name); a != nil {
					out = append(out, heldPolicy{Resource: r, Attr: a, policyArgument: pa})
				}
				continue
			}
			for _, b := range r.Body.BlocksOf(pa.Block) {
				if a := b.Attr(pa.Name); a != nil {
					out = append(out, heldPolicy{Resource: r, Attr: a, policyArgument: pa})
				}
			}
		}
	}
	return out
}

// eachPolicyStatement calls fn once for every statement written in the
// configuration, at its owner: the statements of policy arguments written
// inline (jsonencode, heredoc, file()), and those of every
// data "aws_iam_policy_document" (written in the data source, or in a JSON
// string among its source/override documents), whether or not anything uses
// the document. A statement reached through a document reference is visited
// with the document, not with each consumer, so it is reported once. from is
// the policy argument for inline statements, nil for data documents.
// Statements overridden by sid in their own document are not visited.
//
// A document that cannot be read wholly is also handed to fn as one
// Unreadable statement at the policy argument (or the data source), which no
// check reports and every check that could have reported something records as
// an unknown control.
func eachPolicyStatement(p *analyzer.Pass, fn func(s *policyStatement, from *heldPolicy)) {
	for _, h := range heldPolicies(p) {
		doc := readPolicy(p, h.Resource, h.Attr)
		for _, s := range doc.Statements {
			if s.Owner == h.Resource {
				fn(s, &h)
			}
		}
		if !doc.Complete {
			path := h.Attr.Path
			if path == "" {
				path = h.Attr.Name
			}
			fn(unreadableStatement(h.Resource, h.Attr.Range, path), &h)
		}
	}
	for _, d := range p.DataSources("aws_iam_policy_document") {
		doc := readPolicyDocument(p, d)
		for _, s := range doc.Statements {
			if s.Owner == d {
				fn(s, nil)
			}
		}
		if !doc.Complete {
			fn(unreadableStatement(d, d.Body.DefRange, "statement"), nil)
		}
	}
}
