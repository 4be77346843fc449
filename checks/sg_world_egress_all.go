package checks

import "github.com/onus-sec/onus/analyzer"

// SGWorldEgressAll flags security group rules that let traffic out to the
// whole Internet on every port.
//
// Only rules written in the configuration are judged. AWS adds an allow-all
// egress rule to every new VPC security group, but the Terraform AWS provider
// removes it when it creates an aws_security_group, so a group without egress
// rules has no egress (verified 2026-12-02, Terraform AWS provider docs,
// aws_security_group, "NOTE on Egress rules": "When creating a new Security
// Group inside a VPC, Terraform will remove this default rule, and require
// you specifically re-create it if you desire that rule").
var SGWorldEgressAll = &analyzer.Check{
	ID:        "sg-world-egress-all",
	Title:     "Security group allows all outbound traffic to the Internet",
	Severity:  analyzer.Low,
	Side:      analyzer.Customer,
	Category:  analyzer.Network,
	Resources: sgRuleTypes,
	Boundary:  "AWS enforces security group egress rules; how far a compromised workload can talk out (exfiltration, command and control) is set by you.",
	Fix:       "Allow egress only to the ports and destinations the workload needs (443 to the Internet, VPC endpoints, prefix lists).",
	Run:       runSGWorldEgressAll,
}

func init() { register(SGWorldEgressAll) }

func runSGWorldEgressAll(p *analyzer.Pass) {
	// Rules onus cannot see may be of any kind.
	noteHiddenRules(p, true)
	for _, rule := range securityGroupRules(p) {
		if !rule.opensAllEgress() {
			if rule.mayOpenAllEgress() {
				p.NoteUnknown(rule.r, rule.unknownPath())
			}
			continue
		}
		reportWorldRule(p, rule,
			"rule allows %s out to %s: a compromised workload can send data anywhere; allow only the destinations and ports it needs",
			rule.what(), rule.quote)
	}
}
