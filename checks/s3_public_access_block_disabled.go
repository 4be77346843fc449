package checks

import (
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// S3PublicAccessBlockDisabled flags bucket- and account-level Block Public
// Access configurations that leave any of the four settings off.
var S3PublicAccessBlockDisabled = &analyzer.Check{
	ID:        "s3-public-access-block-disabled",
	Title:     "S3 Block Public Access setting turned off",
	Severity:  analyzer.High,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{typeS3BucketPublicAccessBlock, typeS3AccountPublicAccessBlock},
	Boundary:  "AWS turns all four Block Public Access settings on for buckets created since April 2023; a configuration that sets one to false takes that guard away, and the choice is yours.",
	Fix:       "Set block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets to true; serve public content through CloudFront with origin access control instead.",
	Run:       runS3PublicAccessBlockDisabled,
}

func init() { register(S3PublicAccessBlockDisabled) }

// blockSettings are the four Block Public Access settings, each with what it
// guards against when on (AWS provider docs for
// aws_s3_bucket_public_access_block and the S3 User Guide, checked 2026-12).
// All four default to false in the provider: a missing argument is off.
var blockSettings = []struct {
	name   string
	guards string
}{
	{"block_public_acls", "S3 accepts new public ACLs on buckets and objects"},
	{"block_public_policy", "S3 accepts bucket policies that grant public access"},
	{"ignore_public_acls", "S3 honours public ACLs on buckets and objects"},
	{"restrict_public_buckets", "a public bucket policy lets anyone in, not only AWS services and the owner account"},
}

func runS3PublicAccessBlockDisabled(p *analyzer.Pass) {
	for _, r := range p.Resources(typeS3BucketPublicAccessBlock, typeS3AccountPublicAccessBlock) {
		scope := "bucket"
		if r.Type == typeS3AccountPublicAccessBlock {
			scope = "account"
		}
		var missing []string
		for _, s := range blockSettings {
			a := r.Attr(s.name)
			if a == nil {
				missing = append(missing, s.name)
				continue
			}
			if v, known := a.Bool(); known && !v {
				if scope == "account" {
					p.ReportAttr(r, a,
						"%s = false for the whole account: %s unless a bucket's own block says otherwise; this account-wide guard is yours to keep on",
						s.name, s.guards)
					continue
				}
				p.ReportAttr(r, a,
					"%s = false: %s; AWS turns this on for buckets created since April 2023, and this resource turns it off",
					s.name, s.guards)
			}
		}
		if len(missing) == 0 {
			continue
		}
		if scope == "account" {
			p.ReportMissing(r, strings.Join(missing, ","),
				"%s not set: the provider default is false, so the account-wide guard stays off; set %s to true",
				strings.Join(missing, ", "), itThem(len(missing)))
			continue
		}
		p.ReportMissing(r, strings.Join(missing, ","),
			"%s not set: the provider default is false, so this resource switches off what AWS turns on for buckets created since April 2023; set %s to true",
			strings.Join(missing, ", "), itThem(len(missing)))
	}
}

// itThem returns the pronoun for n settings.
func itThem(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}
