package analyzer

import (
	"crypto/md5"  // #nosec G501 -- filemd5 is a Terraform function, not a security use
	"crypto/sha1" // #nosec G505 -- filesha1 is a Terraform function, not a security use
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/go-cty-funcs/cidr"
	"github.com/hashicorp/go-cty-funcs/collection"
	"github.com/hashicorp/go-cty-funcs/encoding"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/customdecode"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// functions returns Terraform's built-in functions for a configuration whose
// root module lives in rootAbs. Functions that read files resolve relative
// paths from the root module, as Terraform does, and refuse anything outside
// the scanned tree. Functions whose result Terraform itself only knows at
// apply time (timestamp, uuid, bcrypt) return unknown.
func (p *Project) functions(rootAbs string) map[string]function.Function {
	fs := map[string]function.Function{
		"abs": stdlib.AbsoluteFunc, "ceil": stdlib.CeilFunc, "floor": stdlib.FloorFunc,
		"log": stdlib.LogFunc, "max": stdlib.MaxFunc, "min": stdlib.MinFunc,
		"parseint": stdlib.ParseIntFunc, "pow": stdlib.PowFunc, "signum": stdlib.SignumFunc,
		"chomp": stdlib.ChompFunc, "format": guardFormat(stdlib.FormatFunc), "formatlist": guardFormat(stdlib.FormatListFunc),
		"indent": guard(stdlib.IndentFunc, func(args []cty.Value) error {
			if n, ok := ctyInt(args[0]); ok && n > maxRange {
				return fmt.Errorf("indent of %d spaces is more than onus evaluates", n)
			}
			return nil
		}), "join": stdlib.JoinFunc, "lower": stdlib.LowerFunc,
		"regex": stdlib.RegexFunc, "regexall": stdlib.RegexAllFunc, "split": stdlib.SplitFunc,
		"strrev": stdlib.ReverseFunc, "substr": stdlib.SubstrFunc, "title": stdlib.TitleFunc,
		"trim": stdlib.TrimFunc, "trimprefix": stdlib.TrimPrefixFunc, "trimsuffix": stdlib.TrimSuffixFunc,
		"trimspace": stdlib.TrimSpaceFunc, "upper": stdlib.UpperFunc,
		"chunklist": stdlib.ChunklistFunc, "coalesce": collection.CoalesceFunc,
		"coalescelist": stdlib.CoalesceListFunc, "compact": stdlib.CompactFunc,
		"concat": guardSize(stdlib.ConcatFunc, false), "contains": stdlib.ContainsFunc, "distinct": stdlib.DistinctFunc,
		"element": stdlib.ElementFunc, "flatten": guardSize(stdlib.FlattenFunc, true), "keys": stdlib.KeysFunc,
		"lookup": lookupFunc, "merge": guardSize(stdlib.MergeFunc, false), "range": rangeFunc,
		"reverse": stdlib.ReverseListFunc, "setintersection": stdlib.SetIntersectionFunc,
		"setproduct": guard(stdlib.SetProductFunc, func(args []cty.Value) error {
			total := 1
			for _, a := range args {
				if a.IsKnown() && !a.IsNull() && a.CanIterateElements() {
					total *= a.LengthInt() + 1
					if total > maxRange {
						return fmt.Errorf("setproduct would have more than %d elements", maxRange)
					}
				}
			}
			return nil
		}), "setsubtract": stdlib.SetSubtractFunc,
		"setunion": guardSize(stdlib.SetUnionFunc, false), "slice": stdlib.SliceFunc, "sort": stdlib.SortFunc,
		"values": stdlib.ValuesFunc, "zipmap": stdlib.ZipmapFunc,
		"jsondecode": guard(stdlib.JSONDecodeFunc, func(args []cty.Value) error {
			// Decoding recurses per level, in go-cty, beyond any recover.
			if args[0].IsKnown() && !args[0].IsNull() && args[0].Type() == cty.String {
				if _, deep := nestingTooDeep([]byte(args[0].AsString()), p.opts.MaxNesting); deep {
					return fmt.Errorf("the JSON nests more than %d levels deep", p.opts.MaxNesting)
				}
			}
			return nil
		}), "csvdecode": stdlib.CSVDecodeFunc,
		"formatdate": stdlib.FormatDateFunc, "timeadd": stdlib.TimeAddFunc,
		"base64encode": encoding.Base64EncodeFunc, "base64decode": encoding.Base64DecodeFunc,
		"urlencode": encoding.URLEncodeFunc,
		"md5":       hashFunc(md5.New, hex.EncodeToString), "sha1": hashFunc(sha1.New, hex.EncodeToString),
		"sha256": hashFunc(sha256.New, hex.EncodeToString), "sha512": hashFunc(sha512.New, hex.EncodeToString),
		"cidrhost": cidr.HostFunc, "cidrnetmask": cidr.NetmaskFunc, "cidrsubnet": cidr.SubnetFunc,
		"cidrsubnets": cidr.SubnetsFunc,
		"basename":    pathFunc(filepath.Base), "dirname": pathFunc(filepath.Dir),
		"tobool": stdlib.MakeToFunc(cty.Bool), "tonumber": stdlib.MakeToFunc(cty.Number),
		"tostring": stdlib.MakeToFunc(cty.String), "tolist": stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"toset": stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)), "tomap": stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"can":         tryfunc.CanFunc,
		"jsonencode":  jsonEncodeFunc,
		"replace":     replaceFunc,
		"startswith":  stringPredicate(strings.HasPrefix),
		"endswith":    stringPredicate(strings.HasSuffix),
		"strcontains": stringPredicate(strings.Contains),
		"length":      lengthFunc,
		"index":       indexFunc,
		"one":         oneFunc,
		"alltrue":     boolFold(true),
		"anytrue":     boolFold(false),
		"sum":         sumFunc,
		"sensitive":   identityFunc, "nonsensitive": identityFunc,
		"base64sha256": hashFunc(sha256.New, base64.StdEncoding.EncodeToString),
		"base64sha512": hashFunc(sha512.New, base64.StdEncoding.EncodeToString),
	}
	// Results only known at apply time, or functions onus does not evaluate
	// (yamldecode, templatestring...): unknown, exactly as a plan shows them
	// or as safely as onus can say "cannot know".
	for _, name := range []string{"timestamp", "plantimestamp", "uuid", "bcrypt", "rsadecrypt",
		"yamldecode", "yamlencode", "templatestring", "base64gzip", "textencodebase64",
		"textdecodebase64", "transpose", "matchkeys", "type", "issensitive", "ephemeralasnull",
		"abspath", "pathexpand", "timecmp", "uuidv5"} {
		fs[name] = unknownFunc
	}
	for name, f := range fs {
		fs[name] = keepMarks(f)
	}
	fs["try"] = tryFunc
	files := &fileFuncs{p: p, root: rootAbs}
	fs["file"] = files.file()
	fs["fileexists"] = files.exists()
	fs["filebase64"] = files.base64()
	fs["fileset"] = files.set()
	b64 := base64.StdEncoding.EncodeToString
	fs["filemd5"] = files.hash(md5.New, hex.EncodeToString)
	fs["filesha1"] = files.hash(sha1.New, hex.EncodeToString)
	fs["filesha256"] = files.hash(sha256.New, hex.EncodeToString)
	fs["filesha512"] = files.hash(sha512.New, hex.EncodeToString)
	fs["filebase64sha256"] = files.hash(sha256.New, b64)
	fs["filebase64sha512"] = files.hash(sha512.New, b64)
	fs["templatefile"] = files.template(fs)
	return fs
}

// keepMarks wraps a function so that the marks of its arguments — the
// references onus follows — always reach its result. go-cty drops them when a
// function that accepts marked values returns early on an unknown one
// (element(split(":", aws_s3_bucket.b.arn), 5)).
func keepMarks(f function.Function) function.Function {
	widen := func(p function.Parameter) function.Parameter {
		p.AllowMarked, p.AllowUnknown, p.AllowNull, p.AllowDynamicType = true, true, true, true
		return p
	}
	params := f.Params()
	spec := &function.Spec{Params: make([]function.Parameter, len(params))}
	for i, p := range params {
		spec.Params[i] = widen(p)
	}
	if vp := f.VarParam(); vp != nil {
		w := widen(*vp)
		spec.VarParam = &w
	}
	unmarkAll := func(args []cty.Value) ([]cty.Value, []cty.ValueMarks) {
		out := make([]cty.Value, len(args))
		var marks []cty.ValueMarks
		for i, a := range args {
			var m cty.ValueMarks
			out[i], m = a.UnmarkDeep()
			if len(m) > 0 {
				marks = append(marks, m)
			}
		}
		return out, marks
	}
	spec.Type = func(args []cty.Value) (cty.Type, error) {
		plain, _ := unmarkAll(args)
		return f.ReturnTypeForValues(plain)
	}
	spec.Impl = func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		plain, marks := unmarkAll(args)
		v, err := f.Call(plain)
		if err != nil {
			return cty.NilVal, err
		}
		return v.WithMarks(marks...), nil
	}
	return function.New(spec)
}

// tryFunc is Terraform's try. Like hcl's, it gives up on an unknown result
// rather than commit to it, but it keeps the result's marks so that
// try(aws_s3_bucket.b.id, null) still refers to the bucket.
var tryFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "expressions", Type: customdecode.ExpressionClosureType},
	Type: func(args []cty.Value) (cty.Type, error) {
		v, err := try(args)
		if err != nil {
			return cty.NilType, err
		}
		return v.Type(), nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) { return try(args) },
})

func try(args []cty.Value) (cty.Value, error) {
	if len(args) == 0 {
		return cty.NilVal, fmt.Errorf("at least one argument is required")
	}
	var diags hcl.Diagnostics
	for _, arg := range args {
		v, more := customdecode.ExpressionClosureFromVal(arg).Value()
		diags = append(diags, more...)
		if more.HasErrors() {
			continue
		}
		if !v.IsWhollyKnown() {
			_, marks := v.UnmarkDeep()
			return cty.DynamicVal.WithMarks(marks), nil
		}
		return v, nil
	}
	return cty.NilVal, fmt.Errorf("no expression succeeded: %s", diags.Error())
}

// jsonEncodeFunc is Terraform's jsonencode. When its argument is only partly
// known the result is unknown, as in a plan, but marked with the structure so
// that a policy document written with jsonencode can still be checked.
var jsonEncodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name: "val", Type: cty.DynamicPseudoType,
		AllowUnknown: true, AllowDynamicType: true, AllowNull: true, AllowMarked: true,
	}},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, marks := args[0].UnmarkDeep()
		if !v.IsWhollyKnown() {
			return cty.UnknownVal(cty.String).WithMarks(marks).Mark(&JSONSource{Value: v}), nil
		}
		if v.IsNull() {
			return cty.StringVal("null").WithMarks(marks), nil
		}
		buf, err := ctyjson.Marshal(v, v.Type())
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		return cty.StringVal(string(buf)).WithMarks(marks), nil
	},
})

// maxRange bounds the collections onus builds: range(), the functions that
// join collections (guardSize) and the locals that hold them. A hostile
// range(1e9), or forty locals each concatenating the last with itself,
// would otherwise allocate a billion values; a tuple of a million elements
// already takes cty seconds to type. Real configurations stay far below.
const maxRange = 1 << 17

// guardSize refuses a call of a function that joins collections (concat,
// merge, flatten...) whose result would hold more than maxRange elements,
// before any of it is built. deep counts the elements of nested collections
// too, as flatten takes them apart.
func guardSize(f function.Function, deep bool) function.Function {
	return guard(f, func(args []cty.Value) error {
		total := 0
		for _, a := range args {
			total += collectionSize(a, deep, maxRange-total)
			if total > maxRange {
				return fmt.Errorf("the result would have more than %d elements, more than onus evaluates", maxRange)
			}
		}
		return nil
	})
}

// collectionSize counts the elements of a known collection (one for
// anything else), and, when deep, of the collections nested in it, stopping
// once the count passes budget.
func collectionSize(v cty.Value, deep bool, budget int) int {
	v, _ = v.Unmark()
	if v.IsNull() || !v.IsKnown() || !v.CanIterateElements() {
		return 1
	}
	if !deep {
		return v.LengthInt()
	}
	n := 0
	for it := v.ElementIterator(); it.Next() && n <= budget; {
		_, e := it.Element()
		n += collectionSize(e, true, budget-n)
	}
	return n
}

// rangeFunc is Terraform's range, refusing results of more than maxRange
// elements.
var rangeFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "params", Type: cty.Number},
	Type:     function.StaticReturnType(cty.List(cty.Number)),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		nums := make([]float64, len(args))
		for i, a := range args {
			f, _ := a.AsBigFloat().Float64()
			nums[i] = f
		}
		start, end, step := 0.0, 0.0, 1.0
		switch len(nums) {
		case 1:
			end = nums[0]
		case 2:
			start, end = nums[0], nums[1]
		case 3:
			start, end, step = nums[0], nums[1], nums[2]
		default:
			return cty.NilVal, fmt.Errorf("range takes one, two or three arguments")
		}
		if step == 0 {
			return cty.NilVal, fmt.Errorf("step must not be zero")
		}
		if n := (end - start) / step; n > maxRange {
			return cty.NilVal, fmt.Errorf("range would have %.0f elements, more than onus evaluates (%d)", n, maxRange)
		}
		return stdlib.Range(args...)
	},
})

// guard wraps a function with a check of its arguments that refuses calls
// whose result would be too large to hold.
func guard(f function.Function, check func([]cty.Value) error) function.Function {
	spec := &function.Spec{Params: f.Params(), VarParam: f.VarParam()}
	// The check runs before type checking too: jsondecode works out its
	// result type by decoding, which is where deep input recurses.
	spec.Type = func(args []cty.Value) (cty.Type, error) {
		if err := check(args); err != nil {
			return cty.NilType, err
		}
		return f.ReturnTypeForValues(args)
	}
	spec.Impl = func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if err := check(args); err != nil {
			return cty.NilVal, err
		}
		return f.Call(args)
	}
	return function.New(spec)
}

var formatWidthRE = regexp.MustCompile(`%[-+ #0]*([0-9]+)|\.([0-9]+)`)

// guardFormat refuses format verbs whose width or precision would build a
// string of gigabytes from a few bytes of source.
func guardFormat(f function.Function) function.Function {
	return guard(f, func(args []cty.Value) error {
		if len(args) == 0 || !args[0].IsKnown() || args[0].IsNull() || args[0].Type() != cty.String {
			return nil
		}
		for _, m := range formatWidthRE.FindAllStringSubmatch(args[0].AsString(), -1) {
			for _, g := range m[1:] {
				if len(g) > 5 {
					return fmt.Errorf("format width or precision %s is more than onus evaluates", g)
				}
			}
		}
		return nil
	})
}

// lookupFunc is Terraform's lookup, whose default may be null (cty's own
// lookup refuses a null default).
var lookupFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "inputMap", Type: cty.DynamicPseudoType, AllowMarked: true},
		{Name: "key", Type: cty.String, AllowMarked: true},
	},
	VarParam: &function.Parameter{Name: "default", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowDynamicType: true, AllowNull: true, AllowMarked: true},
	Type: func([]cty.Value) (cty.Type, error) {
		return cty.DynamicPseudoType, nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if len(args) > 3 {
			return cty.DynamicVal, fmt.Errorf("lookup takes at most three arguments")
		}
		m, mmarks := args[0].Unmark()
		k, kmarks := args[1].Unmark()
		if !m.IsKnown() || !k.IsKnown() {
			return cty.DynamicVal.WithMarks(mmarks, kmarks), nil
		}
		if m.IsNull() {
			return cty.DynamicVal, fmt.Errorf("lookup of a null map")
		}
		key := k.AsString()
		t := m.Type()
		switch {
		case t.IsObjectType():
			if t.HasAttribute(key) {
				return m.GetAttr(key).WithMarks(mmarks, kmarks), nil
			}
		case t.IsMapType():
			if m.HasIndex(cty.StringVal(key)).True() {
				return m.Index(cty.StringVal(key)).WithMarks(mmarks, kmarks), nil
			}
		default:
			return cty.DynamicVal, fmt.Errorf("lookup needs a map or an object")
		}
		if len(args) == 3 {
			return args[2].WithMarks(mmarks, kmarks), nil
		}
		return cty.DynamicVal, fmt.Errorf("lookup failed to find key %q", key)
	},
})

var unknownFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "args", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowDynamicType: true, AllowNull: true},
	Type:     function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
		return cty.DynamicVal, nil
	},
})

var identityFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "val", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowDynamicType: true, AllowNull: true, AllowMarked: true}},
	Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl:   func(args []cty.Value, _ cty.Type) (cty.Value, error) { return args[0], nil },
})

// replaceFunc is Terraform's replace: a substring, or a regular expression
// when the search string is wrapped in slashes.
var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "str", Type: cty.String}, {Name: "substr", Type: cty.String}, {Name: "replace", Type: cty.String},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		str, sub, rep := args[0].AsString(), args[1].AsString(), args[2].AsString()
		if len(sub) > 1 && sub[0] == '/' && sub[len(sub)-1] == '/' {
			re, err := regexp.Compile(sub[1 : len(sub)-1])
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			return cty.StringVal(re.ReplaceAllString(str, rep)), nil
		}
		return cty.StringVal(strings.ReplaceAll(str, sub, rep)), nil
	},
})

func stringPredicate(fn func(s, x string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "x", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.BoolVal(fn(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

// lengthFunc is Terraform's length, which also counts the characters of a
// string.
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		if v.Type() == cty.String {
			if !v.IsKnown() {
				return cty.UnknownVal(cty.Number), nil
			}
			return stdlib.Strlen(v)
		}
		if !v.IsKnown() {
			return cty.UnknownVal(cty.Number), nil
		}
		if !v.CanIterateElements() {
			return cty.UnknownVal(cty.Number), fmt.Errorf("argument must be a string, a collection type, or a structural type")
		}
		return cty.NumberIntVal(int64(v.LengthInt())), nil
	},
})

// indexFunc is Terraform's index: the position of a value in a list.
var indexFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}, {Name: "value", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if !args[0].CanIterateElements() {
			return cty.UnknownVal(cty.Number), fmt.Errorf("argument must be a list or tuple")
		}
		i := 0
		for it := args[0].ElementIterator(); it.Next(); i++ {
			_, e := it.Element()
			if !e.IsKnown() {
				return cty.UnknownVal(cty.Number), nil
			}
			eq := e.Equals(args[1])
			if eq.IsKnown() && eq.True() {
				return cty.NumberIntVal(int64(i)), nil
			}
		}
		return cty.UnknownVal(cty.Number), fmt.Errorf("item not found")
	},
})

var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type: func(args []cty.Value) (cty.Type, error) {
		t := args[0].Type()
		switch {
		case t.IsListType() || t.IsSetType():
			return t.ElementType(), nil
		case t.IsTupleType() && len(t.TupleElementTypes()) == 1:
			return t.TupleElementTypes()[0], nil
		}
		return cty.DynamicPseudoType, nil
	},
	Impl: func(args []cty.Value, rt cty.Type) (cty.Value, error) {
		v := args[0]
		if !v.CanIterateElements() {
			return cty.UnknownVal(rt), fmt.Errorf("must be a list, set, or tuple value with either zero or one elements")
		}
		switch v.LengthInt() {
		case 0:
			return cty.NullVal(rt), nil
		case 1:
			it := v.ElementIterator()
			it.Next()
			_, e := it.Element()
			return e, nil
		}
		return cty.UnknownVal(rt), fmt.Errorf("must be a list, set, or tuple value with either zero or one elements")
	},
})

func boolFold(all bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			result := all
			for it := args[0].ElementIterator(); it.Next(); {
				_, e := it.Element()
				if !e.IsKnown() {
					return cty.UnknownVal(cty.Bool), nil
				}
				if e.IsNull() {
					continue
				}
				if all && e.False() {
					result = false
				}
				if !all && e.True() {
					result = true
				}
			}
			return cty.BoolVal(result), nil
		},
	})
}

var sumFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if !args[0].CanIterateElements() {
			return cty.UnknownVal(cty.Number), fmt.Errorf("cannot sum a non-collection")
		}
		total := cty.NumberIntVal(0)
		for it := args[0].ElementIterator(); it.Next(); {
			_, e := it.Element()
			n, err := convert.Convert(e, cty.Number)
			if err != nil || n.IsNull() {
				return cty.UnknownVal(cty.Number), fmt.Errorf("elements must be numbers")
			}
			if !n.IsKnown() {
				return cty.UnknownVal(cty.Number), nil
			}
			total = total.Add(n)
		}
		return total, nil
	},
})

// hashFunc returns a function that encodes a digest of a string.
func hashFunc(h func() hash.Hash, encode func([]byte) string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			hh := h()
			hh.Write([]byte(args[0].AsString()))
			return cty.StringVal(encode(hh.Sum(nil))), nil
		},
	})
}

func pathFunc(fn func(string) string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.StringVal(filepath.ToSlash(fn(filepath.FromSlash(args[0].AsString())))), nil
		},
	})
}

// fileFuncs reads files for file(), templatefile() and friends, confined to
// the scanned tree: a pull request must not be able to pull /etc/passwd or a
// CI secret into a report.
type fileFuncs struct {
	p    *Project
	root string
}

func (f *fileFuncs) read(path string) ([]byte, error) {
	abs, ok := f.confine(path)
	if !ok {
		if f.p.missingInside(abs) {
			// A file written at apply time (a generated key, an archive).
			return nil, fmt.Errorf("no file %q in the scanned tree", path)
		}
		return nil, fmt.Errorf("%q is outside the scanned tree; onus does not read it", path)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("no file %q", path)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%q is not a regular file", path)
	}
	if info.Size() > f.p.opts.MaxFileSize {
		return nil, fmt.Errorf("%q is larger than the file size limit", path)
	}
	b, err := os.ReadFile(abs) // #nosec G304 -- confined to the scan root above
	if err != nil {
		// The error names the absolute path; say it as the user wrote it.
		return nil, fmt.Errorf("%q could not be read", path)
	}
	// Templates and jsondecode recurse per nesting level: refuse what
	// could exhaust the stack.
	if _, deep := nestingTooDeep(b, f.p.opts.MaxNesting); deep {
		return nil, fmt.Errorf("%q nests brackets more than %d levels deep", path, f.p.opts.MaxNesting)
	}
	return b, nil
}

// confine resolves a path given to a file function, relative paths from
// the root module, and reports whether it lies inside the scanned tree once
// links are resolved. A path that is outside before any link is resolved is
// refused without touching the file system, so that nothing is learnt
// about what lies there, not even whether it exists; a path inside the tree
// that is missing or links out is refused alike.
func (f *fileFuncs) confine(path string) (string, bool) {
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(f.root, path)
	}
	abs = filepath.Clean(abs)
	if !f.p.lexicallyWithin(abs) || !f.p.within(abs) {
		return abs, false
	}
	return abs, true
}

func (f *fileFuncs) file() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, err := f.read(args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			if !utf8.Valid(b) {
				return cty.UnknownVal(cty.String), fmt.Errorf("%q is not UTF-8 text", args[0].AsString())
			}
			return cty.StringVal(string(b)), nil
		},
	})
}

func (f *fileFuncs) base64() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, err := f.read(args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			return cty.StringVal(base64.StdEncoding.EncodeToString(b)), nil
		},
	})
}

// hash returns a function that reads a file and encodes a digest of it.
func (f *fileFuncs) hash(h func() hash.Hash, encode func([]byte) string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, err := f.read(args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			hh := h()
			hh.Write(b)
			return cty.StringVal(encode(hh.Sum(nil))), nil
		},
	})
}

func (f *fileFuncs) exists() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			path := args[0].AsString()
			abs := path
			if !filepath.IsAbs(abs) {
				abs = filepath.Join(f.root, path)
			}
			if !f.p.lexicallyWithin(abs) {
				return cty.UnknownVal(cty.Bool), fmt.Errorf("%q is outside the scanned tree; onus does not look there", path)
			}
			// Inside the tree, a missing file and a link out of it are both
			// false: the answer must not tell whether the link's target
			// exists.
			abs, ok := f.confine(path)
			if !ok {
				return cty.False, nil
			}
			info, err := os.Stat(abs)
			return cty.BoolVal(err == nil && info.Mode().IsRegular()), nil
		},
	})
}

func (f *fileFuncs) set() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "pattern", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Set(cty.String)),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			base, ok := f.confine(args[0].AsString())
			pattern := filepath.FromSlash(args[1].AsString())
			if !ok || filepath.IsAbs(pattern) || slices.Contains(strings.Split(pattern, string(filepath.Separator)), "..") {
				// A pattern climbing out of the base would list directories
				// outside the tree.
				return cty.UnknownVal(cty.Set(cty.String)), fmt.Errorf("fileset(%q, %q) reaches outside the scanned tree; onus does not list it", args[0].AsString(), args[1].AsString())
			}
			matches, err := filepath.Glob(filepath.Join(base, pattern))
			if err != nil {
				return cty.UnknownVal(cty.Set(cty.String)), err
			}
			sort.Strings(matches)
			var out []cty.Value
			for _, mt := range matches {
				if info, err := os.Stat(mt); err == nil && info.Mode().IsRegular() && f.p.within(mt) {
					rel, _ := filepath.Rel(base, mt)
					out = append(out, cty.StringVal(filepath.ToSlash(rel)))
				}
			}
			if len(out) == 0 {
				return cty.SetValEmpty(cty.String), nil
			}
			return cty.SetVal(out), nil
		},
	})
}

// template is templatefile: the file is parsed as a template and evaluated
// with the given variables and the same functions, except templatefile
// itself, which Terraform forbids inside templates.
func (f *fileFuncs) template(base map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "vars", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowMarked: true},
		},
		Type: function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			path := args[0].AsString()
			b, err := f.read(path)
			if err != nil {
				return cty.DynamicVal, err
			}
			expr, diags := hclsyntax.ParseTemplate(b, path, hcl.InitialPos)
			if diags.HasErrors() {
				return cty.DynamicVal, diags
			}
			vars := args[1]
			vars, marks := vars.UnmarkDeep()
			if !vars.IsKnown() {
				return cty.DynamicVal.WithMarks(marks), nil
			}
			ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: map[string]function.Function{}}
			if !vars.IsNull() && (vars.Type().IsObjectType() || vars.Type().IsMapType()) {
				for it := vars.ElementIterator(); it.Next(); {
					k, v := it.Element()
					ctx.Variables[k.AsString()] = v
				}
			}
			for n, fn := range base {
				if n != "templatefile" {
					ctx.Functions[n] = fn
				}
			}
			v, diags := expr.Value(ctx)
			if diags.HasErrors() {
				return cty.DynamicVal, diags
			}
			return v.WithMarks(marks), nil
		},
	})
}
