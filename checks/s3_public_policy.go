package checks

import (
	"github.com/onus-sec/onus/analyzer"
)

// S3PublicPolicy flags bucket policies that Allow everyone (Principal "*" or
// {"AWS": "*"}) with no condition that narrows who can use the grant.
var S3PublicPolicy = &analyzer.Check{
	ID:        "s3-public-policy",
	Title:     "S3 bucket policy allows access to everyone",
	Severity:  analyzer.Critical,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{typeS3Bucket, typeS3BucketPolicy, "aws_iam_policy_document", typeS3BucketPublicAccessBlock, typeS3AccountPublicAccessBlock},
	Boundary:  "AWS keeps buckets private and, since April 2023, blocks public bucket policies on new buckets; a policy that Allows Principal \"*\" is a decision to publish, and it is yours.",
	Fix:       "Name the principals that need access, or add a condition that narrows the grant (aws:SourceVpce, aws:PrincipalOrgID, aws:SourceArn with aws:SourceAccount...); serve public content through CloudFront with origin access control.",
	Run:       runS3PublicPolicy,
}

func init() { register(S3PublicPolicy) }

func runS3PublicPolicy(p *analyzer.Pass) {
	l := newS3Links(p)
	for _, r := range p.Resources(typeS3BucketPolicy) {
		reportPublicPolicy(p, l, r, r.Attr("policy"))
	}
	for _, b := range p.Resources(typeS3Bucket) {
		// The inline policy argument is deprecated since provider v4 but
		// still applied.
		reportPublicPolicy(p, l, b, b.Attr("policy"))
	}
}

// reportPublicPolicy reports the public Allow statements of the policy held
// by argument a of r (an aws_s3_bucket_policy or an aws_s3_bucket).
func reportPublicPolicy(p *analyzer.Pass, l *s3Links, r *analyzer.Resource, a *analyzer.Attribute) {
	if a == nil {
		return
	}
	// With restrict_public_buckets on (bucket or account level), only AWS
	// services and the bucket owner's account can use a public policy
	// (provider docs for aws_s3_bucket_public_access_block, S3 User Guide
	// "Blocking public access", checked 2026-12): the grant reaches no
	// outsider. An unknown setting may be on.
	if l.publicAccessSettingOn(l.target(r), "restrict_public_buckets") {
		return
	}
	doc := readPolicy(p, r, a)
	if doc == nil {
		return
	}
	for _, s := range doc.Statements {
		if !s.allows() {
			continue
		}
		v := wildcardPrincipal(&s.Principal)
		if v == nil || narrowsPrincipal(s) {
			continue
		}
		v.report(p,
			"Allow to everyone (Principal %s) with no condition that narrows it: S3 blocks public bucket policies on buckets created since April 2023, so this works only where Block Public Access was turned off (or the bucket is older); name the principals or add a narrowing condition",
			principalSpelling(&s.Principal, v))
	}
}

// principalSpelling renders the wildcard principal v of pr as the policy
// wrote it: the bare "*" or {"AWS": "*"}.
func principalSpelling(pr *policyPrincipals, v *policyValue) string {
	for i := range pr.Entries {
		e := &pr.Entries[i]
		for j := range e.Identifiers.Items {
			if &e.Identifiers.Items[j] == v && e.Type != "*" {
				return `{"AWS": "*"}`
			}
		}
	}
	return `"*"`
}
