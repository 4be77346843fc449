package checks

import "github.com/onus-sec/onus/analyzer"

// IAMWeakPasswordPolicy flags account password policies that allow short,
// reused or never-expiring passwords for IAM users.
var IAMWeakPasswordPolicy = &analyzer.Check{
	ID:        "iam-weak-password-policy",
	Title:     "IAM account password policy is weak",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.IAM,
	Resources: []string{"aws_iam_account_password_policy"},
	Boundary:  "AWS enforces the password policy you set for IAM users; its strength is yours to choose.",
	Fix:       "Set minimum_password_length = 14 or more, password_reuse_prevention = 24 and max_password_age = 90 or less (or move people to IAM Identity Center).",
	Run:       runIAMWeakPasswordPolicy,
}

func init() { register(IAMWeakPasswordPolicy) }

// Password policy thresholds of the CIS AWS Foundations Benchmark, as
// CHECKS.md adopts them.
const (
	minPasswordLength = 14
	maxPasswordAge    = 90
)

// apiDefaultPasswordLength is what IAM applies when MinimumPasswordLength is
// not given: "the operation uses the default value of 6"
// (UpdateAccountPasswordPolicy API reference, checked 2026-12).
const apiDefaultPasswordLength = 6

func runIAMWeakPasswordPolicy(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_iam_account_password_policy") {
		if n, ok := r.Body.IntOr("minimum_password_length", apiDefaultPasswordLength); ok && n < minPasswordLength {
			p.ReportAt(r, "minimum_password_length", "Minimum password length is %d: AWS enforces what you set (6 when unset); require %d or more", n, minPasswordLength)
		}
		// Without password_reuse_prevention IAM lets users reuse any
		// previous password; without max_password_age passwords never
		// expire (API reference defaults, checked 2026-12).
		if r.Attr("password_reuse_prevention") == nil {
			p.ReportMissing(r, "password_reuse_prevention", "No password_reuse_prevention: IAM lets users reuse old passwords; set it to 24")
		}
		if a := r.Attr("max_password_age"); a == nil {
			p.ReportMissing(r, "max_password_age", "No max_password_age: IAM passwords never expire; set it to %d days or less", maxPasswordAge)
		} else if age, ok := a.Int(); ok && age <= 0 {
			// 0 is how the API says "never" (the provider's default too).
			p.ReportAttr(r, a, "max_password_age = %d: IAM passwords never expire; set it to %d days or less", age, maxPasswordAge)
		} else if ok && age > maxPasswordAge {
			p.ReportAttr(r, a, "max_password_age is %d days: set it to %d or less", age, maxPasswordAge)
		}
	}
}
