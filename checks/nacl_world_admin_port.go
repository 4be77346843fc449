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
