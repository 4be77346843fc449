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
			if mayGrantToIdentity(s, from) && mayWriteEverywhere(s) {
				noteUnknownStatement(p, s, "Effect", "Action", "Resource", "Condition")
			}
			return
		}
		if _, admin := adminGrant(s); admin {
			return
		}
		res := s.Resource.find(isWildcardResource)
		if res == nil || scopesResources(s) {
			// Unknown resources, or a condition with unknown values, may
			// leave write actions on every resource.
			if mayWriteEverywhere(s) {
				noteUnknownStatement(p, s, "Action", "Resource", "Condition")
			}
			return
		}
		// Full and service wildcards are iam-wildcard-action's to report;
		// this check names the specific write actions left over.
		var writes []string
		for _, a := range s.Action.Items {
			if isReportedWrite(a.Text) {
				writes = append(writes, `"`+a.Text+`"`)
			}
		}
		if len(writes) == 0 {
			if !s.Action.Known {
				noteUnknownStatement(p, s, "Action")
			}
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

// isReportedWrite reports whether an action is a write this check names:
// full and service wildcards are iam-wildcard-action's to report, and an
// action that can only be granted on Resource "*" has no ARN to name.
func isReportedWrite(a string) bool {
	return isWriteAction(a) && !isFullWildcardAction(a) && !isServiceWildcardAction(a) &&
		!resourceWildcardOnly[strings.ToLower(strings.TrimSpace(a))]
}

// resourceWildcardOnly lists write actions that support no resource-level
// permissions: the Service Authorization Reference gives them no resource
// type, so a policy must grant them on "*" (AWS's own managed policies
// AWSXRayDaemonWriteAccess, AmazonSSMManagedInstanceCore and
// CloudWatchAgentServerPolicy do). Step Functions and API Gateway logging
// need the log-delivery actions on "*" for the same reason (Service
// Authorization Reference for X-Ray, Systems Manager Session Manager
// messages, EC2 messages, CloudWatch and CloudWatch Logs; Step Functions
// Developer Guide, logging; checked 2026-12). Exact names only: a pattern
// such as xray:Put* may match actions that do take resources.
var resourceWildcardOnly = map[string]bool{
	"xray:puttracesegments":            true,
	"xray:puttelemetryrecords":         true,
	"ssmmessages:createcontrolchannel": true,
	"ssmmessages:createdatachannel":    true,
	"ssmmessages:opencontrolchannel":   true,
	"ssmmessages:opendatachannel":      true,
	"ec2messages:acknowledgemessage":   true,
	"ec2messages:deletemessage":        true,
	"ec2messages:failmessage":          true,
	"ec2messages:sendreply":            true,
	"cloudwatch:putmetricdata":         true,
	"logs:createlogdelivery":           true,
	"logs:updatelogdelivery":           true,
	"logs:deletelogdelivery":           true,
}

// mayWriteEverywhere reports whether a statement not reported may still
// allow write actions on every resource: its actions, resources or
// conditions are not all known, and nothing known rules it out.
func mayWriteEverywhere(s *policyStatement) bool {
	if s.Unreadable {
		return true
	}
	if _, admin := adminGrant(s); admin {
		return false
	}
	return mayMatch(&s.Action, isReportedWrite) && mayMatch(&s.Resource, isWildcardResource) && !surelyScopesResources(s)
}
