package checks

import "github.com/onus-sec/onus/analyzer"

// IAMAdminPolicy flags identity policies that Allow every action on every
// resource: the holder is an administrator of the account.
var IAMAdminPolicy = &analyzer.Check{
	ID:        "iam-admin-policy",
	Title:     "IAM policy allows every action on every resource",
	Severity:  analyzer.Critical,
	Side:      analyzer.Customer,
	Category:  analyzer.IAM,
	Resources: append(policyArgumentTypes(identityPolicy), "aws_iam_policy_document"),
	Boundary:  "AWS enforces a policy exactly as written; granting Action \"*\" on Resource \"*\" is your decision, and it makes whoever holds the policy an administrator of the account.",
	Fix:       "List the actions and resource ARNs the identity needs (IAM Access Analyzer can generate them from CloudTrail); keep administrator access for a few break-glass roles guarded by MFA.",
	Run:       runIAMAdminPolicy,
}

func init() { register(IAMAdminPolicy) }

func runIAMAdminPolicy(p *analyzer.Pass) {
	eachPolicyStatement(p, func(s *policyStatement, from *heldPolicy) {
		if grantsToIdentity(s, from) {
			if act, ok := adminGrant(s); ok {
				act.report(p, "Allow of every action (%q) on every resource (\"*\") makes the holder an administrator: AWS enforces exactly this grant, so scope the actions and resources to what the identity needs", act.Text)
				return
			}
		}
		if mayGrantToIdentity(s, from) && mayMatch(&s.Action, isFullWildcardAction) && mayMatch(&s.Resource, isWildcardResource) {
			noteUnknownStatement(p, s, "Effect", "Action", "Resource")
		}
	})
}

// mayGrantToIdentity reports whether s is, or may be, an Allow statement of
// an identity-based policy (see grantsToIdentity).
func mayGrantToIdentity(s *policyStatement, from *heldPolicy) bool {
	if from != nil && from.Kind != identityPolicy {
		return false
	}
	return s.mayAllow() && (s.isIdentityStatement() || s.Unreadable)
}

// mayMatch reports whether an element has, or may have, an item for which
// match is true: a known one, or an unknown part.
func mayMatch(v *policyValues, match func(string) bool) bool {
	return v.find(match) != nil || (v.Present && !v.Known)
}

// grantsToIdentity reports whether s is an Allow statement of an
// identity-based policy: written in a policy attached to a user, group, role
// or permission set, or in a policy document without a principal (which can
// only be used as one). Resource and trust policies are judged by who they
// name, not by their Resource "*", which there means "this resource" (a KMS
// key policy must say Resource "*").
func grantsToIdentity(s *policyStatement, from *heldPolicy) bool {
	if from != nil && from.Kind != identityPolicy {
		return false
	}
	return s.allows() && s.isIdentityStatement()
}

// adminGrant returns the action of s that grants every action, when s also
// applies to every resource: the administrator tier, reported by
// iam-admin-policy alone.
func adminGrant(s *policyStatement) (*policyValue, bool) {
	act := s.Action.find(isFullWildcardAction)
	if act == nil {
		return nil, false
	}
	if s.Resource.find(isWildcardResource) == nil {
		return nil, false
	}
	return act, true
}

// isWildcardResource reports whether a Resource entry names every resource.
func isWildcardResource(r string) bool { return r == "*" }
