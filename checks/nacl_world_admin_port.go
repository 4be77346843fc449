package checks

import (
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// NACLWorldAdminPort flags network ACL entries that allow the whole Internet
// in to SSH (22) or RDP (3389). It follows CIS AWS Foundations Benchmark
// control 5.1 (verified 2026-12-02 in the benchmark text as published by
// Lacework and Cloudaware: no inbound ALLOW from 0.0.0.0/0 whose port range
// includes 22 or 3389, "using the protocols TCP (6), UDP (17) or ALL (-1)";
// "a port range such as 0-1024 includes port 22, 3389"). So a range that
// includes them counts, and so does the 1024-65535 return-traffic range often
// opened on stateless ACLs (it includes 3389), unless a lower-numbered deny
// entry of the same ACL drops that traffic first.
var NACLWorldAdminPort = &analyzer.Check{
	ID:        "nacl-world-admin-port",
	Title:     "Network ACL allows SSH or RDP from the Internet",
	Severity:  analyzer.High,
	Side:      analyzer.Customer,
	Category:  analyzer.Network,
	Resources: []string{"aws_network_acl", "aws_default_network_acl", "aws_network_acl_rule"},
	Boundary:  "AWS evaluates network ACL entries at the subnet boundary in rule-number order; which entries let the Internet reach remote administration is set by you.",
	Fix:       "Add a lower-numbered deny entry for 22 and 3389 from 0.0.0.0/0 and ::/0, or narrow the allowed source and port range.",
	Run:       runNACLWorldAdminPort,
}

func init() { register(NACLWorldAdminPort) }

func runNACLWorldAdminPort(p *analyzer.Pass) {
	rules := networkACLRules(p)
	for i, n := range rules {
		if n.unknown || !n.world() || !n.actionKnown || !n.allow || !n.egressKnown || n.egress {
			if mayExposeRemoteAdmin(rules, i) {
				noteUnknownEntry(p, n)
			}
			continue
		}
		var open []string
		for _, a := range adminPorts {
			if !a.Remote {
				continue
			}
			if reachesPast(rules, i, a) {
				open = append(open, a.String())
			}
		}
		if len(open) == 0 {
			if mayExposeRemoteAdmin(rules, i) {
				noteUnknownEntry(p, n)
			}
			continue
		}
		p.ReportAttr(n.r, n.cidrAttr,
			"network ACL entry allows %s in to %s and no lower-numbered entry denies it: AWS applies the first matching entry, so add a deny for these ports before it or narrow the range",
			n.cidr, strings.Join(open, ", "))
	}
}

// reachesPast reports whether world traffic to an admin port is known to be
// allowed by entry all[i]: the entry matches it over TCP or UDP and no
// lower-numbered deny entry of the same ACL does, or might.
func reachesPast(all []naclRule, i int, a adminPort) bool {
	for _, proto := range []protocol{protoTCP, protoUDP} {
		if all[i].opens(proto, a.Port) == triYes && exposes(all, i, proto, a.Port) == triYes {
			return true
		}
	}
	return false
}

// mayExposeRemoteAdmin reports whether entry all[i], not reported, may still
// let world traffic in to SSH or RDP: an unknown CIDR, action, direction,
// rule number, protocol or port, an entry that cannot be seen, or an ACL
// onus cannot identify leaves it open.
func mayExposeRemoteAdmin(all []naclRule, i int) bool {
	n := all[i]
	world := triNo
	switch {
	case n.unknown:
		world = triMaybe
	case n.cidrKnown:
		world = triOf(n.cidr.Bits() == 0, true)
	case n.cidrAttr != nil && !n.cidrAttr.Value.IsWhollyKnown():
		world = triMaybe
	}
	allow, ingress := triMaybe, triMaybe
	if !n.unknown {
		allow = triOf(n.allow, n.actionKnown)
		ingress = triOf(!n.egress, n.egressKnown)
	}
	if triAnd(world, allow, ingress) == triNo {
		return false
	}
	for _, a := range adminPorts {
		if !a.Remote {
			continue
		}
		for _, proto := range []protocol{protoTCP, protoUDP} {
			t := triAnd(world, allow, ingress, n.opens(proto, a.Port), exposes(all, i, proto, a.Port))
			if t != triNo {
				return true
			}
		}
	}
	return false
}

// noteUnknownEntry records an unknown control on the resource that holds a
// network ACL entry.
func noteUnknownEntry(p *analyzer.Pass, n naclRule) {
	if n.unknown {
		kind := "ingress"
		if n.egress {
			kind = "egress"
		}
		p.NoteUnknown(n.r, kind)
		return
	}
	var unknown []string
	for _, name := range []string{"network_acl_id", "rule_number", "rule_no", "egress", "rule_action", "action", "protocol", "from_port", "to_port", "cidr_block", "ipv6_cidr_block"} {
		if name == "network_acl_id" && n.acl != "" {
			continue // resolved through its reference
		}
		if n.fields.set(name) && !n.fields.value(name).IsWhollyKnown() {
			unknown = append(unknown, name)
		}
	}
	what := "entries of the same network ACL that may come first"
	if len(unknown) > 0 {
		what = strings.Join(unknown, ", ")
	}
	if n.fields.block != nil && n.fields.block.Path != "" {
		what = n.fields.block.Path + ": " + what
	}
	p.NoteUnknown(n.r, what)
}
