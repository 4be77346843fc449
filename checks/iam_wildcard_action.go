package checks

import (
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// IAMWildcardAction flags identity policies that Allow every action, or every
// action of a service, short of the administrator tier (every action on every
// resource), which iam-admin-policy reports.
var IAMWildcardAction = &analyzer.Check{
	ID:        "iam-wildcard-action",
	Title:     "IAM policy allows every action of a service",
	Severity:  analyzer.High,
	Side:      analyzer.Customer,
	Category:  analyzer.IAM,
	Resources: append(policyArgumentTypes(identityPolicy), "aws_iam_policy_document"),
	Boundary:  "AWS adds new actions to services over time and a wildcard grants them as they appear; which actions an identity may call is yours to decide.",
	Fix:       "Replace \"*\" and \"<service>:*\" with the actions the identity calls (IAM Access Analyzer can generate the list from CloudTrail).",
	Run:       runIAMWildcardAction,
}

func init() { register(IAMWildcardAction) }

func runIAMWildcardAction(p *analyzer.Pass) {
	eachPolicyStatement(p, func(s *policyStatement, from *heldPolicy) {
		if !grantsToIdentity(s, from) {
			// An unknown effect, or an unreadable statement, may grant a
			// wildcard action: the control cannot be decided.
			if mayGrantToIdentity(s, from) && mayMatch(&s.Action, isWildcardActionPattern) {
				noteUnknownStatement(p, s, "Effect", "Action")
			}
			return
		}
		if _, admin := adminGrant(s); admin {
			return
		}
		if !s.Action.Known && s.Action.find(isWildcardActionPattern) == nil {
			noteUnknownStatement(p, s, "Action")
		}
		var wild []string
		var first *policyValue
		every := false
		for i := range s.Action.Items {
			a := &s.Action.Items[i]
			full := isFullWildcardAction(a.Text)
			if full || isServiceWildcardAction(a.Text) {
				wild = append(wild, `"`+a.Text+`"`)
				every = every || full
				if first == nil {
					first = a
				}
			}
		}
		if first == nil {
			return
		}
		scope := "every action of the service"
		if every {
			scope = "every action of every service"
		}
		first.report(p, "Allow of %s grants %s, including actions AWS adds later: list the actions the identity needs", strings.Join(wild, ", "), scope)
	})
}

// isWildcardActionPattern reports whether an action is a full or a service
// wildcard, the patterns this check reports.
func isWildcardActionPattern(a string) bool {
	return isFullWildcardAction(a) || isServiceWildcardAction(a)
}
