package analyzer

import (
	"math/big"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// The readers below return (value, known). known is false when the attribute
// is absent, null, unknown or of a type that cannot be converted, so that a
// check written as `if v, ok := a.Bool(); ok && !v { report }` can never flag
// what it cannot see. Conversions follow Terraform's: "true" is a bool, "30"
// is a number.

// Bool returns the attribute as a bool.
func (a *Attribute) Bool() (v, known bool) {
	if a == nil {
		return false, false
	}
	v, known = ctyBool(a.Value)
	if !known && !a.Value.IsNull() {
		a.noteUnknown()
	}
	return v, known
}

// String returns the attribute as a string.
func (a *Attribute) String() (s string, known bool) {
	if a == nil {
		return "", false
	}
	s, known = ctyString(a.Value)
	if !known && !a.Value.IsNull() {
		a.noteUnknown()
	}
	return s, known
}

// Int returns the attribute as a whole number.
func (a *Attribute) Int() (n int64, known bool) {
	if a == nil {
		return 0, false
	}
	n, known = ctyInt(a.Value)
	if !known && !a.Value.IsNull() {
		a.noteUnknown()
	}
	return n, known
}

// Strings returns the known string elements of a list or set attribute (a
// lone string counts as a list of one), and whether every element is known.
func (a *Attribute) Strings() (elems []string, allKnown bool) {
	if a == nil {
		return nil, false
	}
	elems, allKnown = ctyStrings(a.Value)
	if !allKnown {
		a.noteUnknown()
	}
	return elems, allKnown
}

// BoolOr returns the named argument as a bool, or def when it is not set.
// known is false only when the argument is set to something unknown.
func (b *Block) BoolOr(name string, def bool) (v, known bool) {
	a := b.Attr(name)
	if a == nil {
		return def, true
	}
	return a.Bool()
}

// StringOr returns the named argument as a string, or def when it is not set.
func (b *Block) StringOr(name, def string) (s string, known bool) {
	a := b.Attr(name)
	if a == nil {
		return def, true
	}
	return a.String()
}

// IntOr returns the named argument as a whole number, or def when not set.
func (b *Block) IntOr(name string, def int64) (n int64, known bool) {
	a := b.Attr(name)
	if a == nil {
		return def, true
	}
	return a.Int()
}

// BoolOr is shorthand for r.Body.BoolOr.
func (r *Resource) BoolOr(name string, def bool) (v, known bool) { return r.Body.BoolOr(name, def) }

// StringOr is shorthand for r.Body.StringOr.
func (r *Resource) StringOr(name, def string) (s string, known bool) {
	return r.Body.StringOr(name, def)
}

// The scalar readers below unmark only the value itself: a scalar holds no
// nested marks, and ctyStrings reads each element with ctyString. Values in
// the model carry no marks at all; a deep unmark would copy them for
// nothing.

func ctyBool(v cty.Value) (b, known bool) {
	v, _ = v.Unmark()
	if v.IsNull() || !v.IsKnown() {
		return false, false
	}
	c, err := convert.Convert(v, cty.Bool)
	if err != nil || c.IsNull() || !c.IsKnown() {
		return false, false
	}
	return c.True(), true
}

func ctyString(v cty.Value) (s string, known bool) {
	v, _ = v.Unmark()
	if v.IsNull() || !v.IsKnown() {
		return "", false
	}
	if !v.Type().IsPrimitiveType() {
		return "", false
	}
	c, err := convert.Convert(v, cty.String)
	if err != nil || c.IsNull() || !c.IsKnown() {
		return "", false
	}
	return c.AsString(), true
}

func ctyInt(v cty.Value) (n int64, known bool) {
	v, _ = v.Unmark()
	if v.IsNull() || !v.IsKnown() {
		return 0, false
	}
	c, err := convert.Convert(v, cty.Number)
	if err != nil || c.IsNull() || !c.IsKnown() {
		return 0, false
	}
	bf := c.AsBigFloat()
	if !bf.IsInt() {
		return 0, false
	}
	i, acc := bf.Int64()
	if acc != big.Exact {
		return 0, false
	}
	return i, true
}

func ctyStrings(v cty.Value) (elems []string, allKnown bool) {
	v, _ = v.Unmark()
	if v.IsNull() {
		return nil, true
	}
	if !v.IsKnown() {
		return nil, false
	}
	t := v.Type()
	if t.IsPrimitiveType() {
		s, ok := ctyString(v)
		if !ok {
			return nil, false
		}
		return []string{s}, true
	}
	if !(t.IsListType() || t.IsSetType() || t.IsTupleType()) {
		return nil, false
	}
	allKnown = true
	for it := v.ElementIterator(); it.Next(); {
		_, ev := it.Element()
		if ev.IsNull() {
			continue
		}
		s, ok := ctyString(ev)
		if !ok {
			allKnown = false
			continue
		}
		elems = append(elems, s)
	}
	return elems, allKnown
}

// Elements returns the elements of a list, set or tuple value, or nil.
func Elements(v cty.Value) []cty.Value {
	v, _ = v.UnmarkDeep()
	if v.IsNull() || !v.IsKnown() || !v.CanIterateElements() {
		return nil
	}
	t := v.Type()
	if !(t.IsListType() || t.IsSetType() || t.IsTupleType()) {
		return nil
	}
	out := make([]cty.Value, 0, v.LengthInt())
	for it := v.ElementIterator(); it.Next(); {
		_, ev := it.Element()
		out = append(out, ev)
	}
	return out
}

// GetAttr returns the named attribute of an object or map value, or a null
// value when there is none; unknown objects give unknown.
func GetAttr(v cty.Value, name string) cty.Value {
	v, _ = v.UnmarkDeep()
	if v.IsNull() {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	if !v.IsKnown() {
		return cty.DynamicVal
	}
	t := v.Type()
	switch {
	case t.IsObjectType():
		if t.HasAttribute(name) {
			return v.GetAttr(name)
		}
	case t.IsMapType():
		k := cty.StringVal(name)
		if v.HasIndex(k).True() {
			return v.Index(k)
		}
	}
	return cty.NullVal(cty.DynamicPseudoType)
}

// StringValue returns v as a string when it is a known primitive.
func StringValue(v cty.Value) (string, bool) { return ctyString(v) }

// BoolValue returns v as a bool when it is known and convertible.
func BoolValue(v cty.Value) (bool, bool) { return ctyBool(v) }

// IntValue returns v as a whole number when it is known and convertible.
func IntValue(v cty.Value) (int64, bool) { return ctyInt(v) }

// StringsValue returns the known string elements of v and whether all are known.
func StringsValue(v cty.Value) ([]string, bool) { return ctyStrings(v) }
