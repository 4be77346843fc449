package checks

import (
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// IAMWildcardResource flags identity policies that Allow write or
// permissions-management actions on Resource "*" without a condition that
// scopes the resources.
var IAMWildcardResource = &analyzer.Check{
	ID:        "iam-wildcard-resource",
	Title:     "IAM policy allows write actions on every resource",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.IAM,
	Resources: append(policyArgumentTypes(identityPolicy), "aws_iam_policy_document"),
	Boundary:  "AWS applies a grant to every resource the Resource element matches, including resources created later; naming them is yours.",
	Fix:       "Name the resource ARNs the actions need, or add a condition that scopes them (aws:ResourceTag, aws:ResourceAccount, a service key such as iam:PassedToService).",
	Run:       runIAMWildcardResource,
}

func init() { register(IAMWildcardResource) }

func runIAMWildcardResource(p *analyzer.Pass) {
	eachPolicyStatement(p, func(s *policyStatement, from *heldPolicy) {
		if !grantsToIdentity(s, from) {
			return
		}
		if _, admin := adminGrant(s); admin {
			return
		}
		res := s.Resource.find(isWildcardResource)
		if res == nil || scopesResources(s) {
			return
		}
		// Full and service wildcards are iam-wildcard-action's to report;
		// this check names the specific write actions left over.
		var writes []string
		for _, a := range s.Action.Items {
			if isWriteAction(a.Text) && !isFullWildcardAction(a.Text) && !isServiceWildcardAction(a.Text) {
				writes = append(writes, `"`+a.Text+`"`)
			}
		}
		if len(writes) == 0 {
			return
		}
		const maxNamed = 3
		named := strings.Join(writes, ", ")
		if len(writes) > maxNamed {
			named = strings.Join(writes[:maxNamed], ", ") + ", ..."
		}
		res.report(p, "Allow of write actions (%s) on Resource \"*\" reaches every matching resource in the account, including ones created later: name the resource ARNs", named)
	})
}
