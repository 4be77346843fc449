package checks

import "github.com/onus-sec/onus/analyzer"

// SGWorldAllPorts flags security group rules that let the whole Internet in
// on every port or every protocol.
var SGWorldAllPorts = &analyzer.Check{
	ID:        "sg-world-all-ports",
	Title:     "Security group opens every port to the Internet",
	Severity:  analyzer.Critical,
	Side:      analyzer.Customer,
	Category:  analyzer.Network,
	Resources: sgRuleTypes,
	Boundary:  "AWS enforces security group rules at every network interface; a rule that admits all traffic from anywhere is yours to narrow.",
	Fix:       "Open only the ports the workload serves, to the sources that need them.",
	Run:       runSGWorldAllPorts,
}

func init() { register(SGWorldAllPorts) }

func runSGWorldAllPorts(p *analyzer.Pass) {
	// Rules onus cannot see may be of any kind.
	noteHiddenRules(p, false)
	for _, rule := range securityGroupRules(p) {
		if tier, _ := rule.tier(); tier != tierAllPorts {
			if rule.mayBeTier(tierAllPorts) {
				p.NoteUnknown(rule.r, rule.unknownPath())
			}
			continue
		}
		reportWorldRule(p, rule,
			"rule admits %s from %s: AWS denies inbound traffic unless a rule allows it, and this one exposes every service on the attached interfaces; open only the ports you serve",
			rule.what(), rule.quote)
	}
}
