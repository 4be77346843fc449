package checks

import (
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// IAMWildcardPrincipal flags trust and resource policies that Allow everyone
// (Principal "*" or {"AWS": "*"}) with no condition narrowing who, and Lambda
// permissions granted to "*" without a source or organization.
var IAMWildcardPrincipal = &analyzer.Check{
	ID:        "iam-wildcard-principal",
	Title:     "Trust or resource policy allows any principal",
	Severity:  analyzer.Critical,
	Side:      analyzer.Customer,
	Category:  analyzer.IAM,
	Resources: append(policyArgumentTypes(trustPolicy, resourcePolicy), "aws_iam_policy_document", "aws_lambda_permission", "aws_lambda_layer_version_permission"),
	Boundary:  "AWS evaluates a resource or trust policy for any caller in any account, anonymous ones included; who the policy names is yours to decide.",
	Fix:       "Name the accounts, roles or services that need access, or add a condition that narrows the grant (aws:PrincipalOrgID, aws:SourceVpce, aws:SourceArn with aws:SourceAccount...).",
	Run:       runIAMWildcardPrincipal,
}

func init() { register(IAMWildcardPrincipal) }

// principalCheckExempt lists the consumers whose policies this check leaves
// alone: bucket policies, which s3-public-policy judges with the bucket's
// Block Public Access settings (one problem, one finding), and VPC endpoint
// policies, where Principal "*" is the norm because the policy only filters
// traffic that already goes through the endpoint.
var principalCheckExempt = map[string]bool{
	"aws_s3_bucket_policy": true, "aws_s3_bucket": true,
	"aws_vpc_endpoint": true, "aws_vpc_endpoint_policy": true,
}

// runIAMWildcardPrincipal reports Allow statements whose Principal is
// everyone. NotPrincipal is not judged: AWS supports it only with Deny
// ("Using it with Allow is not supported", IAM User Guide, NotPrincipal
// element, checked 2026-12), so an Allow with NotPrincipal grants nothing.
func runIAMWildcardPrincipal(p *analyzer.Pass) {
	exempt := map[string]bool{}
	eachPolicyStatement(p, func(s *policyStatement, from *heldPolicy) {
		if !s.mayAllow() {
			return
		}
		if from != nil && principalCheckExempt[from.Type] {
			return
		}
		if from != nil && from.Kind == identityPolicy && s.Unreadable {
			// Identity policies name no principal: an unreadable one
			// hides no wildcard.
			return
		}
		if from == nil {
			addr := s.Owner.Address
			only, seen := exempt[addr]
			if !seen {
				only = usedOnlyByExempt(p, s.Owner, 0)
				exempt[addr] = only
			}
			if only {
				return
			}
		}
		if publicGrant(s) != triYes {
			if publicGrant(s) == triMaybe {
				noteUnknownStatement(p, s, "Effect", "Principal", "Condition")
			}
			return
		}
		who := wildcardPrincipal(&s.Principal)
		if isTrustStatement(s, from) {
			who.report(p, "Allow to Principal %s with no condition that narrows who: any AWS account can assume this role; name the accounts or roles that may, or add a condition such as aws:PrincipalOrgID", principalText(s, who))
			return
		}
		who.report(p, "Allow to Principal %s with no condition that narrows who: AWS applies a resource policy to every caller, anonymous ones included; name the principals or add a condition such as aws:PrincipalOrgID or aws:SourceArn", principalText(s, who))
	})
	runLambdaWildcardPermissions(p)
}

// isTrustStatement reports whether s belongs to a role trust policy: it is
// written in assume_role_policy, or (in a policy document) it allows an
// sts:AssumeRole* action.
func isTrustStatement(s *policyStatement, from *heldPolicy) bool {
	if from != nil {
		return from.Kind == trustPolicy
	}
	return s.Action.find(func(a string) bool {
		return strings.HasPrefix(strings.ToLower(a), "sts:assumerole")
	}) != nil
}

// principalText spells the wildcard principal as written: "*" or
// {"AWS": "*"}.
func principalText(s *policyStatement, who *policyValue) string {
	for _, e := range s.Principal.Entries {
		for i := range e.Identifiers.Items {
			if &e.Identifiers.Items[i] == who && e.Type != "*" {
				return `{"` + e.Type + `": "*"}`
			}
		}
	}
	return `"*"`
}

// usedOnlyByExempt reports whether every consumer of a policy document
// (following the documents that merge it) is exempt from this check. A
// document nothing uses is judged on its own.
func usedOnlyByExempt(p *analyzer.Pass, doc *analyzer.Resource, depth int) bool {
	if depth > maxPolicyDocumentDepth {
		return false
	}
	users := p.ReferrersOf(doc)
	if len(users) == 0 {
		return false
	}
	for _, u := range users {
		switch {
		case u.Mode == analyzer.Data && u.Type == "aws_iam_policy_document":
			if !usedOnlyByExempt(p, u, depth+1) {
				return false
			}
		case u.Mode == analyzer.Managed && principalCheckExempt[u.Type]:
		default:
			return false
		}
	}
	return true
}

// runLambdaWildcardPermissions reports Lambda permissions granted to "*".
// aws_lambda_permission adds one statement to the function's resource
// policy; source_account, source_arn and principal_org_id become conditions
// that narrow it. aws_lambda_layer_version_permission with principal "*"
// shares the layer with every account unless organization_id limits it (AWS
// provider docs, v5, checked 2026-12).
func runLambdaWildcardPermissions(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_lambda_permission") {
		reportLambdaWildcard(p, r, "source_account", "source_arn", "principal_org_id")
	}
	for _, r := range p.Resources("aws_lambda_layer_version_permission") {
		reportLambdaWildcard(p, r, "organization_id")
	}
}

func reportLambdaWildcard(p *analyzer.Pass, r *analyzer.Resource, narrowing ...string) {
	a := r.Attr("principal")
	who, ok := quietString(a)
	if ok && who != "*" {
		return
	}
	for _, n := range narrowing {
		// A narrowing argument that is set, even to a value onus cannot
		// see, may restrict the grant; one whose value is known does.
		if na := r.Attr(n); na != nil {
			if !na.Value.IsWhollyKnown() && (ok || a != nil) {
				p.NoteUnknown(r, n)
			}
			return
		}
	}
	if !ok {
		if a != nil {
			p.NoteUnknown(r, "principal")
		}
		return
	}
	p.ReportAttr(r, a, "Lambda permission granted to principal \"*\" with no source account, source ARN or organization: AWS lets any account use it, so name the principal or set %s", narrowing[0])
}
