package checks

import (
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/onus-sec/onus/analyzer"
)

// HardcodedAWSCredentials flags AWS credentials written in the configuration:
// the access_key, secret_key and token of an aws provider block or an s3
// backend, and an access key ID (AKIA… or ASIA…) in any string of any
// resource, data source, provider or backend.
//
// What counts as written: a value onus knows at scan time. A provider
// argument set from a variable with no default is unknown and not reported;
// one set from a variable default, a local or a .tfvars file is known, and so
// is in the repository, and is reported at the argument.
//
// Key IDs inside locals, variable defaults or .tfvars values that no resource
// or provider uses are not seen: the model exposes only evaluated resources,
// providers and terraform blocks.
//
// Facts (verified 2026-12-02): the provider's access_key, secret_key and
// token arguments and the s3 backend's access_key, secret_key and token are
// documented as static credentials, with the environment, shared files,
// SSO, web identity and assume_role as the alternatives (Terraform AWS
// provider docs, "Authentication and Configuration"; Terraform docs, "s3
// backend"). Access key IDs begin with AKIA (long-term) or ASIA (temporary)
// (IAM User Guide, "IAM identifiers").
var HardcodedAWSCredentials = &analyzer.Check{
	ID:        "hardcoded-aws-credentials",
	Title:     "AWS credentials are written in the configuration",
	Severity:  analyzer.Critical,
	Side:      analyzer.Customer,
	Category:  analyzer.Secrets,
	Resources: []string{"provider.aws", "terraform.backend.s3", "*"},
	Boundary:  "AWS authenticates whoever presents a valid access key; keeping keys out of code, and rotating a leaked one, are yours.",
	Fix:       "Remove the key from the code and the state, deactivate and rotate it in IAM, and let Terraform use the environment, a shared profile, SSO or an assumed role.",
	Run:       runHardcodedAWSCredentials,
}

func init() { register(HardcodedAWSCredentials) }

// credentialArgs are the provider and s3 backend arguments that hold static
// credentials.
var credentialArgs = []string{"access_key", "secret_key", "token"}

// secretAccessKeyRE matches the shape of a secret access key: 40 characters
// of base64 (wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY in the IAM User Guide).
var secretAccessKeyRE = regexp.MustCompile(`^[A-Za-z0-9/+=]{40}$`)

func runHardcodedAWSCredentials(p *analyzer.Pass) {
	reported := map[*analyzer.Attribute]bool{}
	// seenKeys holds the key IDs already reported at a use, so that the
	// local or variable they were written in is not reported again.
	seenKeys := map[string]bool{}
	for _, m := range p.Config.Modules {
		for _, pb := range m.Providers {
			if len(pb.Labels) == 1 && pb.Labels[0] == "aws" {
				checkStaticCredentials(p, pb, pb, analyzer.ProviderAddress(m, pb), "the AWS provider's", reported)
			}
		}
		for _, tb := range m.Terraform {
			for _, be := range tb.BlocksOf("backend") {
				if len(be.Labels) == 1 && be.Labels[0] == "s3" {
					addr := "terraform.backend.s3"
					if m.Path != "" {
						addr = m.Path + "." + addr
					}
					checkStaticCredentials(p, tb, be, addr, "the s3 backend's", reported)
				}
			}
		}
	}
	for a := range reported {
		if s, ok := a.String(); ok {
			if k, ok := findAccessKeyID(s); ok {
				seenKeys[k] = true
			}
		}
	}
	for _, m := range p.Config.Modules {
		for _, r := range m.Resources {
			eachAttribute(r.Body, func(a *analyzer.Attribute) {
				if !reported[a] {
					reportKeyID(a, func(rng hcl.Range, path, msg string, secret string) {
						seenKeys[secret] = true
						reportSecret(p, r, rng, path, secret, "%s", msg)
					})
				}
			})
		}
		for _, pb := range m.Providers {
			addr := analyzer.ProviderAddress(m, pb)
			eachAttribute(pb, func(a *analyzer.Attribute) {
				if !reported[a] {
					reportKeyID(a, func(_ hcl.Range, _ string, msg string, secret string) {
						seenKeys[secret] = true
						p.ReportConfig(addr, pb, a, "%s", msg)
						p.MaskLast(secret)
					})
				}
			})
		}
	}
	// A key that no resource or provider uses is still a key in the
	// repository: report it where it is written, in a local, a variable
	// default or a tfvars line, unless a use of it was reported above.
	for _, m := range p.Config.Modules {
		for _, group := range []map[string]*analyzer.Attribute{m.Locals, m.Variables} {
			for _, name := range sortedNames(group) {
				a := group[name]
				if reported[a] || !a.HasExpr() {
					continue
				}
				reportKeyID(a, func(rng hcl.Range, _ string, msg string, secret string) {
					if seenKeys[secret] {
						return
					}
					seenKeys[secret] = true
					addr := a.Path
					if m.Path != "" {
						addr = m.Path + "." + addr
					}
					p.ReportConfig(addr, nil, &analyzer.Attribute{Name: a.Name, Path: a.Path, Range: rng}, "%s", msg)
					p.MaskLast(secret)
				})
			}
		}
	}
}

// sortedNames returns the keys of an attribute map in order.
func sortedNames(m map[string]*analyzer.Attribute) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// checkStaticCredentials reports the credential arguments of an aws provider
// block or an s3 backend block whose values are known.
//
// A provider aimed at a local emulator (LocalStack and the like: an
// endpoints block or skip_credentials_validation = true) takes dummy keys
// such as "test"; there a value is reported only when it has the shape of a
// real key.
func checkStaticCredentials(p *analyzer.Pass, owner, b *analyzer.Block, addr, whose string, reported map[*analyzer.Attribute]bool) {
	emulator := len(b.BlocksOf("endpoints")) > 0
	if v, ok := b.Attr("skip_credentials_validation").Bool(); ok && v {
		emulator = true
	}
	for _, name := range credentialArgs {
		a := b.Attr(name)
		s, ok := a.String()
		if !ok || strings.TrimSpace(s) == "" {
			continue
		}
		if emulator && !looksLikeRealCredential(name, s) {
			continue
		}
		reported[a] = true
		p.ReportConfig(addr, owner, a,
			"%s %s (%s) %s: anyone who can read the repository, a plan or the state can sign AWS requests as this key; remove it, let Terraform take credentials from the environment, a profile, SSO or an assumed role, and rotate the key",
			whose, name, analyzer.MaskSecret(s), valueOrigin(a.Expr()))
		p.MaskLast(s)
	}
}

// looksLikeRealCredential reports whether a value has the shape of a real
// access key ID or secret access key; session tokens have no fixed shape and
// count when they are long.
func looksLikeRealCredential(arg, s string) bool {
	switch arg {
	case "access_key":
		_, ok := findAccessKeyID(s)
		return ok
	case "secret_key":
		return secretAccessKeyRE.MatchString(s) && !strings.HasSuffix(s, "EXAMPLEKEY")
	}
	return len(s) >= 100
}

// reportKeyID looks for an access key ID in every known string of a, in the
// text of a template whose other parts are unknown, and in the structure
// behind a partly unknown jsonencode, and reports the first one found.
func reportKeyID(a *analyzer.Attribute, report func(rng hcl.Range, path, msg, secret string)) {
	var id, where string
	find := func(path, s string) {
		if id != "" {
			return
		}
		if k, ok := findAccessKeyID(s); ok {
			id, where = k, path
		}
	}
	eachString(a.Value, find)
	if id == "" && a.Rendered != "" {
		find("", a.Rendered)
	}
	if id == "" && a.JSON != nil {
		eachString(a.JSON.Value, find)
	}
	if id == "" {
		return
	}
	kind := "a long-term access key ID"
	if strings.HasPrefix(id, "ASIA") {
		kind = "a temporary (STS) access key ID"
	}
	rng, path := a.Range, attrPath(a)
	if key := firstKey(where); key != "" {
		if r, ok := objectItemRange(a.Expr(), key); ok {
			rng = r
		}
		path += "." + key
	}
	msg := "this value holds " + kind + " (" + analyzer.MaskSecret(id) + "): a key in the code is a key in every clone, plan and state file, and its secret is rarely far away; deactivate and rotate it in IAM and give the workload a role instead"
	report(rng, path, msg, id)
}

// attrPath returns the path of an argument inside its block, for
// fingerprints.
func attrPath(a *analyzer.Attribute) string {
	if a.Path != "" {
		return a.Path
	}
	return a.Name
}

// firstKey returns the first map key of a path made by eachString, e.g.
// API_KEY for `["API_KEY"][0]`.
func firstKey(path string) string {
	if !strings.HasPrefix(path, `["`) {
		return ""
	}
	end := strings.Index(path, `"]`)
	if end < 0 {
		return ""
	}
	return path[2:end]
}

// objectItemRange returns the range of `key = value` in an object
// constructor, looking through merge() arguments, so that a finding about one
// entry of a map points at its line.
func objectItemRange(expr hcl.Expression, key string) (hcl.Range, bool) {
	item := objectItem(expr, key)
	if item == nil {
		return hcl.Range{}, false
	}
	return hcl.RangeBetween(item.KeyExpr.Range(), item.ValueExpr.Range()), true
}

// objectItem returns the `key = value` item of an object constructor,
// looking through merge() arguments (the last one that sets the key wins, as
// in merge) and parentheses, or nil.
func objectItem(expr hcl.Expression, key string) *hclsyntax.ObjectConsItem {
	switch x := expr.(type) {
	case *hclsyntax.ObjectConsExpr:
		for i := range x.Items {
			if k, ok := objectKey(x.Items[i].KeyExpr); ok && k == key {
				return &x.Items[i]
			}
		}
	case *hclsyntax.FunctionCallExpr:
		if x.Name == "merge" {
			for i := len(x.Args) - 1; i >= 0; i-- {
				if item := objectItem(x.Args[i], key); item != nil {
					return item
				}
			}
		}
	case *hclsyntax.ParenthesesExpr:
		return objectItem(x.Expression, key)
	}
	return nil
}

// eachAttribute calls fn for every argument of b and of its nested blocks,
// in name order per block and blocks in source order.
func eachAttribute(b *analyzer.Block, fn func(*analyzer.Attribute)) {
	if b == nil {
		return
	}
	names := make([]string, 0, len(b.Attributes))
	for n := range b.Attributes {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if a := b.Attr(n); a != nil {
			fn(a)
		}
	}
	for _, nb := range b.Blocks {
		eachAttribute(nb, fn)
	}
}
