package checks

import "github.com/onus-sec/onus/analyzer"

// SGWorldIngress flags security group rules that let the whole Internet in on
// a port other than HTTP (80) and HTTPS (443) and not already covered by
// sg-world-admin-port or sg-world-all-ports.
var SGWorldIngress = &analyzer.Check{
	ID:        "sg-world-ingress",
	Title:     "Security group opens a non-web port to the Internet",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.Network,
	Resources: sgRuleTypes,
	Boundary:  "AWS enforces security group rules at every network interface; which ports face the Internet is set by you.",
	Fix:       "Serve the Internet on 80/443 (behind a load balancer where possible) and limit other ports to known sources.",
	Run:       runSGWorldIngress,
}

func init() { register(SGWorldIngress) }

func runSGWorldIngress(p *analyzer.Pass) {
	// Rules onus cannot see may be of any kind.
	noteHiddenRules(p, false)
	for _, rule := range securityGroupRules(p) {
		if tier, _ := rule.tier(); tier != tierOther {
			if rule.mayBeTier(tierOther) {
				p.NoteUnknown(rule.r, rule.unknownPath())
			}
			continue
		}
		reportWorldRule(p, rule,
			"rule admits %s from %s: AWS denies inbound traffic unless a rule allows it, and only 80 and 443 are expected to face the whole Internet; limit this rule to the sources that need it",
			rule.what(), rule.quote)
	}
}
