package checks

import "github.com/onus-sec/onus/analyzer"

// IAMUserPolicy flags policies attached directly to IAM users.
var IAMUserPolicy = &analyzer.Check{
	ID:        "iam-user-policy",
	Title:     "IAM policy attached directly to a user",
	Severity:  analyzer.Low,
	Side:      analyzer.Customer,
	Category:  analyzer.IAM,
	Resources: []string{"aws_iam_user_policy", "aws_iam_user_policy_attachment", "aws_iam_policy_attachment"},
	Boundary:  "AWS evaluates policies wherever they are attached; organizing permissions by group or role, so they can be reviewed and revoked in one place, is yours.",
	Fix:       "Attach the policy to a group the user belongs to, or to a role the user assumes.",
	Run:       runIAMUserPolicy,
}

func init() { register(IAMUserPolicy) }

func runIAMUserPolicy(p *analyzer.Pass) {
	const msg = "Policy attached directly to an IAM user: AWS applies it, but per-user grants are hard to review and revoke; attach it to a group or a role instead"
	for _, r := range p.Resources("aws_iam_user_policy", "aws_iam_user_policy_attachment") {
		p.ReportAt(r, "user", msg)
	}
	for _, r := range p.Resources("aws_iam_policy_attachment") {
		// A list whose length is known is non-empty even when its
		// elements (aws_iam_user.x.name) are unknown.
		a := r.Attr("users")
		if a != nil && !a.Value.IsKnown() {
			// The list itself is unknown: it may or may not name users.
			p.NoteUnknown(r, "users")
			continue
		}
		if a == nil || len(analyzer.Elements(a.Value)) == 0 {
			continue
		}
		p.ReportAttr(r, a, msg)
	}
}
