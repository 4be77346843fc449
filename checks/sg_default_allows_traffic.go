package checks

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/onus-sec/onus/analyzer"
)

// SGDefaultAllowsTraffic flags rules on a VPC's default security group.
//
// Every VPC comes with a default security group that AWS attaches to any
// instance or interface launched without one. When the Terraform AWS provider
// adopts it as aws_default_security_group it first removes every rule, then
// creates only the rules in the configuration (verified 2026-12-02, Terraform
// AWS provider docs, aws_default_security_group: "When the provider first
// begins managing the default security group, it immediately removes all
// ingress and egress rules"), so an aws_default_security_group without rules
// is the locked-down state and any rule is a choice to open it.
var SGDefaultAllowsTraffic = &analyzer.Check{
	ID:       "sg-default-allows-traffic",
	Title:    "Default security group allows traffic",
	Severity: analyzer.Medium,
	Side:     analyzer.Customer,
	Category: analyzer.Network,
	Resources: []string{
		"aws_default_security_group", "aws_security_group_rule",
		"aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
	},
	Boundary: "AWS attaches a VPC's default security group to anything launched without one; whether that group lets traffic through is set by you.",
	Fix:      "Keep aws_default_security_group without ingress or egress rules and give each workload its own security group.",
	Run:      runSGDefaultAllowsTraffic,
}

func init() { register(SGDefaultAllowsTraffic) }

func runSGDefaultAllowsTraffic(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_default_security_group") {
		if rng, path, ok := firstRule(r.Body); ok {
			p.ReportRange(r, rng, path,
				"the default security group has rules: AWS attaches it to anything launched without a security group, so they reach resources nobody chose; remove them")
			continue
		}
		// Rule lists onus cannot see may hold rules.
		for _, kind := range []string{"ingress", "egress"} {
			if _, unknown := ruleList(r.Body, kind); unknown {
				p.NoteUnknown(r, kind)
			}
		}
	}
	// Rules added to the default group from outside: security_group_id
	// derived from aws_default_security_group.x.id or from
	// aws_vpc.x.default_security_group_id.
	for _, r := range p.Resources("aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule") {
		a := r.Attr("security_group_id")
		if a != nil && len(a.Refs) == 0 && !a.Value.IsWhollyKnown() {
			// An ID onus cannot see, derived from no resource (a variable
			// without a value), may name the default group.
			p.NoteUnknown(r, "security_group_id")
			continue
		}
		if a == nil || !refersToDefaultSG(p, a) {
			continue
		}
		p.ReportAttr(r, a,
			"%s adds a rule to the VPC's default security group: AWS attaches that group to anything launched without one; give the workload its own security group",
			r.Type)
	}
}

// firstRule returns where the first ingress or egress rule of a body starts,
// in source order, ignoring rule lists that are empty or cannot be seen.
func firstRule(body *analyzer.Block) (hcl.Range, string, bool) {
	var best hcl.Range
	var path string
	found := false
	consider := func(rng hcl.Range, p string) {
		if !found || rng.Start.Byte < best.Start.Byte {
			best, path, found = rng, p, true
		}
	}
	for _, kind := range []string{"ingress", "egress"} {
		rules, _ := ruleList(body, kind)
		for _, f := range rules {
			if f.block != nil {
				consider(f.block.DefRange, f.block.Path)
			} else {
				consider(f.list.Range, f.list.Path)
			}
		}
	}
	return best, path, found
}

// refersToDefaultSG reports whether a security_group_id is known to name a
// default security group: every resource it is derived from is one.
func refersToDefaultSG(p *analyzer.Pass, a *analyzer.Attribute) bool {
	for _, ref := range a.Refs {
		t := p.Lookup(ref.Address)
		if t == nil {
			return false
		}
		if !(t.Type == "aws_default_security_group" || (t.Type == "aws_vpc" && ref.Attr == "default_security_group_id")) {
			return false
		}
	}
	return len(a.Refs) > 0
}
