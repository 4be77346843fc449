package analyzer

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// DefaultMaxElements bounds the values one expression may build through
// nested for-expressions. Each function bounds its own result (range,
// setproduct), but for-expressions multiply: three nested fors over
// range(1000) are a billion values from one line of source.
const DefaultMaxElements = 1 << 17

// forTooLarge reports whether evaluating expr would build more values than
// the element limit through nested for-expressions, and says so once with
// the place. Only expressions holding a for-expression whose body has
// another or a function call pay for the estimate; any other for-expression
// builds no more values than its collection, which already exists.
func (m *modEval) forTooLarge(expr hcl.Expression, ctx *hcl.EvalContext) bool {
	se, ok := expr.(hclsyntax.Expression)
	if !ok || !containsFor(se) || !walkFors(se).nested {
		return false
	}
	est := forEstimate{limit: float64(m.ev.p.opts.MaxElements)}
	n := est.cost(se, ctx, false)
	if n <= est.limit {
		return false
	}
	rng := expr.Range()
	if est.culprit != nil {
		rng = est.culprit.SrcRange
	}
	m.ev.warn(&rng, "Too many elements", fmt.Sprintf("the for-expressions here would build about %.3g values, over the limit of %d; the value is treated as unknown (raise it with --max-elements)", n, m.ev.p.opts.MaxElements))
	return true
}

// forEstimate estimates how many values an expression's for-expressions
// build: each for-expression costs the length of its collection times what
// its body builds per element, at least one. What a body builds is what its
// own for-expressions build plus the size of what its function calls return
// (a string counts one value per stringUnit bytes), measured once on a
// sample: the enclosing for-expressions' symbols bound to the last element
// of their collection (range(i) is longest there). Unknown collections count
// as one element.
type forEstimate struct {
	limit float64
	// culprit is the outermost for-expression whose cost went over the
	// limit.
	culprit *hclsyntax.ForExpr
}

// stringUnit is how many bytes of a string count as one value.
const stringUnit = 64

// cost is the summed cost of the outermost for-expressions inside e,
// stopping as soon as the limit is passed; inBody adds the sizes of the
// function calls outside them, which run once per element of an enclosing
// for-expression.
func (est *forEstimate) cost(e hclsyntax.Expression, ctx *hcl.EvalContext, inBody bool) float64 {
	if e == nil {
		return 0
	}
	w := walkFors(e)
	total := 0.0
	for _, f := range w.outer {
		total += est.forCost(f, ctx)
		if total > est.limit {
			if est.culprit == nil {
				est.culprit = f
			}
			return total
		}
	}
	if !inBody {
		return total
	}
	for _, call := range w.calls {
		v, diags := call.Value(ctx)
		if diags.HasErrors() {
			continue
		}
		total += valueSize(v, est.limit-total)
		if total > est.limit {
			return total
		}
	}
	return total
}

func (est *forEstimate) forCost(f *hclsyntax.ForExpr, ctx *hcl.EvalContext) float64 {
	coll := est.cost(f.CollExpr, ctx, false)
	if coll > est.limit {
		return coll
	}
	n, key, val := sampleCollection(f.CollExpr, ctx)
	if n == 0 {
		return coll
	}
	inner := ctx.NewChild()
	inner.Variables = map[string]cty.Value{f.ValVar: val}
	if f.KeyVar != "" {
		inner.Variables[f.KeyVar] = key
	}
	body := 1.0
	for _, e := range []hclsyntax.Expression{f.KeyExpr, f.ValExpr, f.CondExpr} {
		if body*float64(n) > est.limit {
			break
		}
		body += est.cost(e, inner, true)
	}
	return coll + float64(n)*body
}

// valueSize counts the values in v, a string as one per stringUnit bytes,
// stopping once the count passes budget.
func valueSize(v cty.Value, budget float64) float64 {
	v, _ = v.Unmark()
	if v.IsNull() || !v.IsKnown() {
		return 1
	}
	switch {
	case v.Type() == cty.String:
		return 1 + float64(len(v.AsString())/stringUnit)
	case v.CanIterateElements():
		total := 1.0
		for it := v.ElementIterator(); it.Next() && total <= budget; {
			_, ev := it.Element()
			total += valueSize(ev, budget-total)
		}
		return total
	}
	return 1
}

// sampleCollection evaluates a for-expression's collection and returns its
// length and its last element. Anything that goes wrong counts as one
// unknown element: the real evaluation will report it.
func sampleCollection(e hclsyntax.Expression, ctx *hcl.EvalContext) (n int, key, val cty.Value) {
	key, val = cty.DynamicVal, cty.DynamicVal
	v, diags := e.Value(ctx)
	if diags.HasErrors() {
		return 1, key, val
	}
	v, _ = v.UnmarkDeep()
	if v.IsNull() || !v.IsKnown() || !v.CanIterateElements() {
		return 1, key, val
	}
	n = v.LengthInt()
	for it := v.ElementIterator(); it.Next(); {
		key, val = it.Element()
	}
	return n, key, val
}

// forWalker finds in an expression the outermost for-expressions, the
// function calls outside any for-expression, and whether a for-expression
// holds another or a function call: only then can it build more than its
// collection holds.
type forWalker struct {
	depth  int
	nested bool
	outer  []*hclsyntax.ForExpr
	calls  []*hclsyntax.FunctionCallExpr
}

func (w *forWalker) Enter(n hclsyntax.Node) hcl.Diagnostics {
	switch n := n.(type) {
	case *hclsyntax.ForExpr:
		if w.depth == 0 {
			w.outer = append(w.outer, n)
		} else {
			w.nested = true
		}
		w.depth++
	case *hclsyntax.FunctionCallExpr:
		if w.depth == 0 {
			w.calls = append(w.calls, n)
		} else {
			w.nested = true
		}
	}
	return nil
}

func (w *forWalker) Exit(n hclsyntax.Node) hcl.Diagnostics {
	if _, ok := n.(*hclsyntax.ForExpr); ok {
		w.depth--
	}
	return nil
}

func walkFors(e hclsyntax.Expression) *forWalker {
	w := &forWalker{}
	_ = hclsyntax.Walk(e, w)
	return w
}

// containsFor reports whether e holds a for-expression. It runs on every
// expression evaluated, so the common kinds are looked through without the
// allocations of a Walk.
func containsFor(e hclsyntax.Expression) bool {
	switch e := e.(type) {
	case nil:
		return false
	case *hclsyntax.ForExpr:
		return true
	case *hclsyntax.LiteralValueExpr, *hclsyntax.ScopeTraversalExpr, *hclsyntax.AnonSymbolExpr:
		return false
	case *hclsyntax.TemplateExpr:
		return anyContainsFor(e.Parts)
	case *hclsyntax.TemplateWrapExpr:
		return containsFor(e.Wrapped)
	case *hclsyntax.TemplateJoinExpr:
		return containsFor(e.Tuple)
	case *hclsyntax.FunctionCallExpr:
		return anyContainsFor(e.Args)
	case *hclsyntax.TupleConsExpr:
		return anyContainsFor(e.Exprs)
	case *hclsyntax.ObjectConsExpr:
		for _, item := range e.Items {
			if containsFor(item.KeyExpr) || containsFor(item.ValueExpr) {
				return true
			}
		}
		return false
	case *hclsyntax.ObjectConsKeyExpr:
		return containsFor(e.Wrapped)
	case *hclsyntax.ParenthesesExpr:
		return containsFor(e.Expression)
	case *hclsyntax.ConditionalExpr:
		return containsFor(e.Condition) || containsFor(e.TrueResult) || containsFor(e.FalseResult)
	case *hclsyntax.BinaryOpExpr:
		return containsFor(e.LHS) || containsFor(e.RHS)
	case *hclsyntax.UnaryOpExpr:
		return containsFor(e.Val)
	case *hclsyntax.IndexExpr:
		return containsFor(e.Collection) || containsFor(e.Key)
	case *hclsyntax.RelativeTraversalExpr:
		return containsFor(e.Source)
	case *hclsyntax.SplatExpr:
		return containsFor(e.Source) || containsFor(e.Each)
	}
	return len(walkFors(e).outer) > 0
}

func anyContainsFor(es []hclsyntax.Expression) bool {
	for _, e := range es {
		if containsFor(e) {
			return true
		}
	}
	return false
}
