package checks

import "github.com/onus-sec/onus/analyzer"

// IAMUserAccessKey flags IAM user access keys: long-lived credentials.
var IAMUserAccessKey = &analyzer.Check{
	ID:        "iam-user-access-key",
	Title:     "Long-lived IAM user access key",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.IAM,
	Resources: []string{"aws_iam_access_key"},
	Boundary:  "AWS issues and stores the key, but an access key never expires on its own: keeping it secret, rotating and retiring it is yours, and Terraform also writes the secret into its state.",
	Fix:       "Use an IAM role (instance profile, IRSA, OIDC federation for CI, IAM Identity Center for people) instead of a user access key.",
	Run:       runIAMUserAccessKey,
}

func init() { register(IAMUserAccessKey) }

func runIAMUserAccessKey(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_iam_access_key") {
		// An Inactive key cannot sign requests (provider default: Active);
		// a status onus cannot see may be Inactive.
		if status, ok := r.StringOr("status", "Active"); !ok || status == "Inactive" {
			continue
		}
		p.ReportBlock(r, r.Body, "IAM user access key: long-lived credentials that AWS never expires and Terraform stores in its state; use a role with temporary credentials instead")
	}
}
