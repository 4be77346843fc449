package checks

import "github.com/onus-sec/onus/analyzer"

// SGWorldAdminPort flags security group rules that let the whole Internet
// reach a remote-administration or database port.
var SGWorldAdminPort = &analyzer.Check{
	ID:        "sg-world-admin-port",
	Title:     "Security group opens an administration or database port to the Internet",
	Severity:  analyzer.Critical,
	Side:      analyzer.Customer,
	Category:  analyzer.Network,
	Resources: sgRuleTypes,
	Boundary:  "AWS enforces security group rules at every network interface; which sources may reach SSH, RDP or a database port is set by you.",
	Fix:       "Limit the source to known CIDRs, a security group or a prefix list; reach hosts through Session Manager or a bastion, databases through private subnets.",
	Run:       runSGWorldAdminPort,
}

func init() { register(SGWorldAdminPort) }

func runSGWorldAdminPort(p *analyzer.Pass) {
	// Rules onus cannot see may be of any kind.
	noteHiddenRules(p, false)
	for _, rule := range securityGroupRules(p) {
		tier, ports := rule.tier()
		if tier != tierAdminPort {
			if rule.mayBeTier(tierAdminPort) {
				p.NoteUnknown(rule.r, rule.unknownPath())
			}
			continue
		}
		reportWorldRule(p, rule,
			"rule admits %s on %s, reaching %s: AWS denies inbound traffic unless a rule allows it, and this one allows the whole Internet; limit the source to known networks or reach the host privately",
			rule.quote, rule.what(), joinAdminPorts(ports))
	}
}
