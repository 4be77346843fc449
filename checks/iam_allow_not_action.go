package checks

import "github.com/onus-sec/onus/analyzer"

// IAMAllowNotAction flags Allow statements written with NotAction or
// NotResource: they grant everything except a list, so every new action or
// resource is granted by default.
var IAMAllowNotAction = &analyzer.Check{
	ID:        "iam-allow-not-action",
	Title:     "IAM policy allows with NotAction or NotResource",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.IAM,
	Resources: append(policyArgumentTypes(), "aws_iam_policy_document"),
	Boundary:  "AWS grants every action or resource that an Allow with NotAction/NotResource does not exclude, including ones added later; the list is yours to keep closed.",
	Fix:       "Allow the actions and resources the principal needs with Action and Resource; keep NotAction/NotResource for Deny statements.",
	Run:       runIAMAllowNotAction,
}

func init() { register(IAMAllowNotAction) }

func runIAMAllowNotAction(p *analyzer.Pass) {
	eachPolicyStatement(p, func(s *policyStatement, _ *heldPolicy) {
		if !s.allows() {
			if s.mayAllow() && (s.Unreadable || len(s.NotAction.Items) > 0 || len(s.NotResource.Items) > 0 || !s.NotAction.Known || !s.NotResource.Known) {
				noteUnknownStatement(p, s, "Effect", "NotAction", "NotResource")
			}
			return
		}
		if s.NotAction.Present && !s.NotAction.Known && len(s.NotAction.Items) == 0 {
			noteUnknownStatement(p, s, "NotAction")
		}
		if s.NotResource.Present && !s.NotResource.Known && len(s.NotResource.Items) == 0 {
			noteUnknownStatement(p, s, "NotResource")
		}
		// NotAction with Allow grants every action of every service except
		// those listed (IAM User Guide, NotAction element, checked 2026-12). An
		// element onus cannot read may be an empty list, which the provider
		// leaves out of the document: it needs a known entry to be reported.
		if len(s.NotAction.Items) > 0 {
			s.NotAction.report(p, "Allow with NotAction grants every action not listed, including actions AWS adds later: allow the needed actions with Action instead")
		}
		if len(s.NotResource.Items) > 0 {
			s.NotResource.report(p, "Allow with NotResource grants the actions on every resource not listed, including resources created later: name the resources with Resource instead")
		}
	})
}
