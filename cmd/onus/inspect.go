package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"

	"github.com/onus-sec/onus/analyzer"
	"github.com/onus-sec/onus/checks"
)

// inspectFlags holds the flags of `onus inspect`.
type inspectFlags struct {
	format   string
	varFiles []string
	vars     []string
}

func newInspectCmd() *cobra.Command {
	var f inspectFlags
	cmd := &cobra.Command{
		Use:   "inspect [PATH...]",
		Short: "Show what onus evaluated: every resource instance with its known and unknown values",
		Long: `Show what onus evaluated, to answer "why did (or didn't) onus flag this?".

Every resource and data source instance is listed with its address, its
location and its values, after variables, locals, functions, count, for_each,
dynamic blocks and modules. The JSON form has the shape of Terraform's plan
(terraform show -json): "values" as in planned_values, "unknown" as in
after_unknown, so the two can be compared. A value onus cannot know before
apply is unknown; an argument the configuration does not set is absent (the
provider's default applies).`,
		Example: `  onus inspect
  onus inspect infra/ --format json
  onus inspect --var-file prod.tfvars`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInspect(cmd.Context(), cmd.OutOrStdout(), &f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "text", "output `FORMAT`: text or json")
	fl.StringArrayVar(&f.varFiles, "var-file", nil, "set variables from a .tfvars or .tfvars.json `FILE`, as terraform does (repeatable)")
	fl.StringArrayVar(&f.vars, "var", nil, "set a root module variable, as terraform does: `NAME=VALUE` (repeatable)")
	return cmd
}

// inspectDocument is the JSON output of `onus inspect`.
type inspectDocument struct {
	Tool      inspectTool         `json:"tool"`
	Schema    analyzer.SchemaInfo `json:"provider_schema"`
	Resources []analyzer.Instance `json:"resources"`
	Errors    []inspectDiagnostic `json:"errors"`
	Warnings  []inspectDiagnostic `json:"warnings"`
}

type inspectTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type inspectDiagnostic struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

func runInspect(ctx context.Context, stdout io.Writer, f *inspectFlags, paths []string) error {
	if f.format != "text" && f.format != "json" {
		return usageErrorf("--format: unknown format %q (want text or json)", f.format)
	}
	if err := checkVars(f.vars); err != nil {
		return &exitCodeError{code: exitError, err: err}
	}
	proj, err := analyzer.Load(ctx, paths, analyzer.Options{VarFiles: f.varFiles, Vars: f.vars})
	if err != nil {
		return &exitCodeError{code: exitError, err: err}
	}
	cfgs, diags := proj.Evaluate(ctx)
	if err := ctx.Err(); err != nil {
		return &exitCodeError{code: exitError, err: err}
	}
	diags = append(proj.LoadDiagnostics(), diags...)
	// Arguments the provider does not have, on the types the checks read:
	// a misspelt argument is read as not set.
	diags = append(diags, analyzer.SchemaDiagnostics(cfgs, checks.All())...)
	doc := inspectDocument{
		Tool:      inspectTool{Name: "onus", Version: version},
		Schema:    analyzer.ProviderSchemaInfo(),
		Resources: analyzer.Inspect(cfgs),
		Errors:    []inspectDiagnostic{},
		Warnings:  []inspectDiagnostic{},
	}
	if doc.Resources == nil {
		doc.Resources = []analyzer.Instance{}
	}
	for _, d := range diags {
		e := inspectDiagnostic{Message: d.Summary}
		if d.Detail != "" {
			e.Message += ": " + d.Detail
		}
		if d.Subject != nil {
			e.File, e.Line, e.Column = d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column
		}
		if d.Severity == hcl.DiagError {
			doc.Errors = append(doc.Errors, e)
		} else {
			doc.Warnings = append(doc.Warnings, e)
		}
	}
	sortDiags := func(ds []inspectDiagnostic) {
		sort.SliceStable(ds, func(i, j int) bool {
			if ds[i].File != ds[j].File {
				return ds[i].File < ds[j].File
			}
			if ds[i].Line != ds[j].Line {
				return ds[i].Line < ds[j].Line
			}
			return ds[i].Message < ds[j].Message
		})
	}
	sortDiags(doc.Errors)
	sortDiags(doc.Warnings)
	if f.format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(doc); err != nil {
			return &exitCodeError{code: exitError, err: fmt.Errorf("writing JSON: %w", err)}
		}
	} else if err := writeInspectText(stdout, &doc); err != nil {
		return &exitCodeError{code: exitError, err: err}
	}
	if len(doc.Errors) > 0 {
		return &exitCodeError{code: exitError}
	}
	return nil
}

// writeInspectText prints the instances as a readable tree, Terraform-like:
// arguments as `name = value`, nested blocks as `name { ... }`, and
// `(unknown)` where onus cannot know the value before apply.
func writeInspectText(w io.Writer, doc *inspectDocument) error {
	bw := bufio.NewWriter(w)
	root := "\x00"
	for i := range doc.Resources {
		r := &doc.Resources[i]
		if r.Root != root {
			root = r.Root
			fmt.Fprintf(bw, "# root module %s\n\n", root)
		}
		fmt.Fprintf(bw, "%s  (%s:%d)\n", r.Address, r.Location.File, r.Location.StartLine)
		if r.KeyUnknown {
			fmt.Fprintln(bw, "  # count or for_each is unknown: this stands for every instance")
		}
		writeTextBody(bw, "  ", r.Values, r.Unknown)
		fmt.Fprintln(bw)
	}
	for _, e := range doc.Errors {
		fmt.Fprintf(bw, "error: %s:%d:%d: %s\n", e.File, e.Line, e.Column, e.Message)
	}
	for _, e := range doc.Warnings {
		fmt.Fprintf(bw, "warning: %s:%d:%d: %s\n", e.File, e.Line, e.Column, e.Message)
	}
	fmt.Fprintf(bw, "%d instances\n", len(doc.Resources))
	return bw.Flush()
}

func writeTextBody(w io.Writer, indent string, values, unknown map[string]any) {
	names := map[string]bool{}
	for k := range values {
		names[k] = true
	}
	for k := range unknown {
		names[k] = true
	}
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v, hasV := values[k]
		u := unknown[k]
		if u == true {
			fmt.Fprintf(w, "%s%s = (unknown)\n", indent, k)
			continue
		}
		if blocks, ok := v.([]any); ok && isBlockList(blocks, u) {
			us, _ := u.([]any)
			for i, b := range blocks {
				bm, _ := b.(map[string]any)
				var um map[string]any
				if i < len(us) {
					um, _ = us[i].(map[string]any)
				}
				fmt.Fprintf(w, "%s%s {\n", indent, k)
				writeTextBody(w, indent+"  ", bm, um)
				fmt.Fprintf(w, "%s}\n", indent)
			}
			continue
		}
		if !hasV {
			continue
		}
		fmt.Fprintf(w, "%s%s = %s\n", indent, k, textValue(v, u, indent))
	}
}

// isBlockList tells nested blocks (lists of objects rendered from blocks)
// from list arguments: only blocks have a list of objects as their unknown
// structure.
func isBlockList(vals []any, u any) bool {
	us, ok := u.([]any)
	if !ok || len(us) != len(vals) || len(vals) == 0 {
		return false
	}
	for i := range vals {
		if _, ok := vals[i].(map[string]any); !ok {
			return false
		}
		if _, ok := us[i].(map[string]any); !ok {
			return false
		}
	}
	return true
}

func textValue(v, u any, indent string) string {
	if u == true {
		return "(unknown)"
	}
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(x)
	case bool:
		return strconv.FormatBool(x)
	case json.Number:
		return x.String()
	case []any:
		us, _ := u.([]any)
		parts := make([]string, len(x))
		for i, e := range x {
			var eu any
			if i < len(us) {
				eu = us[i]
			}
			parts[i] = textValue(e, eu, indent)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		um, _ := u.(map[string]any)
		keys := map[string]bool{}
		for k := range x {
			keys[k] = true
		}
		for k, ku := range um {
			if ku == true {
				keys[k] = true
			}
		}
		names := make([]string, 0, len(keys))
		for k := range keys {
			names = append(names, k)
		}
		sort.Strings(names)
		if len(names) == 0 {
			return "{}"
		}
		var b strings.Builder
		b.WriteString("{\n")
		for _, k := range names {
			fmt.Fprintf(&b, "%s  %s = %s\n", indent, k, textValue(x[k], um[k], indent+"  "))
		}
		b.WriteString(indent + "}")
		return b.String()
	}
	return fmt.Sprint(v)
}
