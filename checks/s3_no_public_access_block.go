package checks

import (
	"github.com/onus-sec/onus/analyzer"
)

// S3NoPublicAccessBlock flags buckets that no Block Public Access
// configuration in the configuration covers, at bucket or account level.
var S3NoPublicAccessBlock = &analyzer.Check{
	ID:        "s3-no-public-access-block",
	Title:     "S3 bucket has no public access block",
	Severity:  analyzer.Low,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{typeS3Bucket, typeS3BucketPublicAccessBlock, typeS3AccountPublicAccessBlock},
	Boundary:  "AWS turns Block Public Access on for buckets created since April 2023; keeping it on, for older and imported buckets too, is yours.",
	Fix:       "Add an aws_s3_bucket_public_access_block for the bucket with all four settings true, or an aws_s3_account_public_access_block for the account.",
	Run:       runS3NoPublicAccessBlock,
}

func init() { register(S3NoPublicAccessBlock) }

func runS3NoPublicAccessBlock(p *analyzer.Pass) {
	// An account-level block covers every bucket of the account; whether its
	// settings are on is s3-public-access-block-disabled's business.
	if len(accountBlocks(p)) > 0 {
		return
	}
	l := newS3Links(p)
	for _, b := range p.Resources(typeS3Bucket) {
		if len(l.governing(b, typeS3BucketPublicAccessBlock)) > 0 {
			continue
		}
		p.ReportMissing(b, typeS3BucketPublicAccessBlock,
			"no public access block covers this bucket: S3 turns Block Public Access on for buckets created since April 2023, but nothing here keeps it on for an older or imported bucket or against a later change; add aws_s3_bucket_public_access_block")
	}
}
