package analyzer

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// ProviderConstraints returns the version constraints that the modules of the
// configuration declare for a provider in required_providers (e.g. "aws"),
// sorted and deduplicated.
func (c *Config) ProviderConstraints(name string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range c.Modules {
		for _, tb := range m.Terraform {
			for _, rp := range tb.BlocksOf("required_providers") {
				for _, local := range sortedKeys(rp.Attributes) {
					v := rp.Attributes[local].Value
					var s string
					var ok bool
					if v.Type().IsObjectType() || v.Type().IsMapType() {
						// The local name is the user's choice; the source
						// says which provider it is (awsv5 = { source =
						// "hashicorp/aws" }).
						src, hasSrc := StringValue(GetAttr(v, "source"))
						if local != name && (!hasSrc || !strings.HasSuffix(strings.ToLower(src), "/"+name)) {
							continue
						}
						s, ok = StringValue(GetAttr(v, "version"))
					} else {
						if local != name {
							continue
						}
						// The legacy form: aws = "~> 4.0".
						s, ok = StringValue(v)
					}
					if ok && s != "" && !seen[s] {
						seen[s] = true
						out = append(out, s)
					}
				}
			}
		}
		// The version argument of provider blocks, deprecated since
		// Terraform 0.13 but still read by it.
		for _, pb := range m.Providers {
			if len(pb.Labels) == 1 && pb.Labels[0] == name {
				if s, ok := pb.Attr("version").String(); ok && s != "" && !seen[s] {
					seen[s] = true
					out = append(out, s)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// LockedProviderVersion returns the exact version of a provider recorded in
// the root module's .terraform.lock.hcl (e.g. "5.100.0"), or "" when there is
// no lock file or no entry. name is the short name ("aws") or the full source
// address.
func (c *Config) LockedProviderVersion(name string) string {
	if c.lockFile == "" {
		return ""
	}
	src, err := os.ReadFile(c.lockFile)
	if err != nil {
		return ""
	}
	if _, deep := nestingTooDeep(src, DefaultMaxNesting); deep {
		return ""
	}
	f, diags := hclsyntax.ParseConfig(src, c.lockFile, hcl.InitialPos)
	if diags.HasErrors() || f == nil {
		return ""
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return ""
	}
	for _, b := range body.Blocks {
		if b.Type != "provider" || len(b.Labels) != 1 {
			continue
		}
		addr := b.Labels[0]
		if addr != name && !strings.HasSuffix(addr, "/"+name) {
			continue
		}
		if a := b.Body.Attributes["version"]; a != nil {
			if v, d := a.Expr.Value(nil); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
				return v.AsString()
			}
		}
	}
	return ""
}

func lockFileOf(rootAbs string) string {
	p := filepath.Join(rootAbs, ".terraform.lock.hcl")
	if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() && info.Size() < 1<<20 {
		return p
	}
	return ""
}
