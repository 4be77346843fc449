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
	// open lists the bucket policies whose verdict is open, so that the
	// bucket each governs shows as unknown too.
	var open []*analyzer.Resource
	for _, r := range p.Resources(typeS3BucketPolicy) {
		if reportPublicPolicy(p, l, r, r.Attr("policy")) {
			open = append(open, r)
		}
	}
	for _, b := range p.Resources(typeS3Bucket) {
		// The inline policy argument is deprecated since provider v4 but
		// still applied.
		reportPublicPolicy(p, l, b, b.Attr("policy"))
		for _, r := range open {
			if l.surelyLinked(r, b) {
				p.NoteUnknown(b, "policy of "+r.Address)
			}
		}
	}
}

// reportPublicPolicy reports the public Allow statements of the policy held
// by argument a of r (an aws_s3_bucket_policy or an aws_s3_bucket), and
// records unknown controls where a grant may be public. It returns whether
// the verdict on the policy is open.
func reportPublicPolicy(p *analyzer.Pass, l *s3Links, r *analyzer.Resource, a *analyzer.Attribute) (open bool) {
	if a == nil {
		return false
	}
	// With restrict_public_buckets on (bucket or account level), only AWS
	// services and the bucket owner's account can use a public policy
	// (provider docs for aws_s3_bucket_public_access_block, S3 User Guide
	// "Blocking public access", checked 2026-12): the grant reaches no
	// outsider. An unknown setting may be on.
	restricted, why := l.publicAccessSetting(l.target(r), "restrict_public_buckets")
	if restricted == triYes {
		return false
	}
	doc := readPolicy(p, r, a)
	if doc == nil {
		return false
	}
	if restricted == triMaybe {
		// The setting may be on: nothing is reported, but a public
		// grant, or one that may be, leaves the control open.
		for _, s := range doc.Statements {
			if publicGrant(s) != triNo {
				p.NoteUnknown(s.Owner, why)
				open = true
			}
		}
		if !doc.Complete {
			p.NoteUnknown(r, why)
			open = true
		}
		return open
	}
	if !doc.Complete {
		p.NoteUnknown(r, unknownArgPath(a, a.Name)+" (statements that cannot be read before apply)")
		open = true
	}
	for _, s := range doc.Statements {
		switch publicGrant(s) {
		case triNo:
			continue
		case triMaybe:
			noteUnknownStatement(p, s, "Effect", "Principal", "Condition")
			open = true
			continue
		}
		v := wildcardPrincipal(&s.Principal)
		v.report(p,
			"Allow to everyone (Principal %s) with no condition that narrows it: S3 blocks public bucket policies on buckets created since April 2023, so this works only where Block Public Access was turned off (or the bucket is older); name the principals or add a narrowing condition",
			principalSpelling(&s.Principal, v))
	}
	return open
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
