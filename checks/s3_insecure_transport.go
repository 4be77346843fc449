package checks

import (
	"github.com/onus-sec/onus/analyzer"
)

// S3InsecureTransport flags buckets whose policy does not deny requests made
// without TLS: at the bucket policy when there is one, at the bucket when it
// has none.
var S3InsecureTransport = &analyzer.Check{
	ID:        "s3-insecure-transport",
	Title:     "S3 bucket accepts requests over plain HTTP",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{typeS3Bucket, typeS3BucketPolicy},
	Boundary:  "AWS serves S3 over HTTPS with TLS 1.2 and 1.3, but still answers plain HTTP; refusing unencrypted requests takes a Deny in your bucket policy.",
	Fix:       "Add a bucket policy statement with Effect Deny, Principal \"*\", Action \"s3:*\" on the bucket and its objects, and Condition Bool aws:SecureTransport = \"false\".",
	Run:       runS3InsecureTransport,
}

func init() { register(S3InsecureTransport) }

// S3 supports both HTTP and HTTPS and accepts HTTP unless a bucket policy
// denies it (S3 User Guide, "Protecting data in transit with encryption";
// CIS AWS Foundations "Ensure S3 Bucket Policy is set to deny HTTP requests",
// checked 2026-12).
const msgPolicyAllowsHTTP = "this bucket policy has no Deny on aws:SecureTransport = \"false\": S3 offers HTTPS but also answers plain HTTP, and only your policy can refuse it"

func runS3InsecureTransport(p *analyzer.Pass) {
	l := newS3Links(p)
	// openPolicy names, per bucket policy, why its verdict is open, so that
	// the bucket it governs shows as unknown too.
	openPolicy := map[*analyzer.Resource]string{}
	for _, r := range p.Resources(typeS3BucketPolicy) {
		a := r.Attr("policy")
		denies, known := policyDeniesInsecureTransport(readPolicy(p, r, a))
		if a != nil && known && !denies {
			p.ReportAttr(r, a, "%s", msgPolicyAllowsHTTP)
		}
		if a != nil && !known {
			openPolicy[r] = "policy of " + r.Address
			p.NoteUnknown(r, "policy")
		}
	}
	for _, b := range p.Resources(typeS3Bucket) {
		// The inline policy argument is deprecated since provider v4 but
		// still applied.
		if a := b.Attr("policy"); a != nil {
			denies, known := policyDeniesInsecureTransport(readPolicy(p, b, a))
			if known && !denies {
				p.ReportAttr(b, a, "%s", msgPolicyAllowsHTTP)
			}
			if !known {
				p.NoteUnknown(b, "policy")
			}
			continue
		}
		if linked := l.governing(b, typeS3BucketPolicy); len(linked) > 0 {
			for _, x := range linked {
				if why, open := openPolicy[x]; open && l.surelyLinked(x, b) {
					p.NoteUnknown(b, why)
				}
			}
			continue
		}
		p.ReportMissing(b, "policy",
			"no bucket policy: S3 offers HTTPS but also answers plain HTTP; add an aws_s3_bucket_policy that denies requests with aws:SecureTransport = \"false\"")
	}
}
