package checks

import (
	"github.com/onus-sec/onus/analyzer"
)

// S3AccessLoggingDisabled flags buckets with no server access logging.
var S3AccessLoggingDisabled = &analyzer.Check{
	ID:        "s3-access-logging-disabled",
	Title:     "S3 bucket has no server access logging",
	Severity:  analyzer.Low,
	Side:      analyzer.Customer,
	Category:  analyzer.Logging,
	Resources: []string{typeS3Bucket, typeS3BucketLogging},
	Boundary:  "AWS records bucket management calls in CloudTrail by default; a record of who read or wrote which object exists only if you turn on server access logging (or CloudTrail data events).",
	Fix:       "Add aws_s3_bucket_logging with target_bucket set to a dedicated log bucket (or enable CloudTrail S3 data events for the bucket).",
	Run:       runS3AccessLoggingDisabled,
}

func init() { register(S3AccessLoggingDisabled) }

func runS3AccessLoggingDisabled(p *analyzer.Pass) {
	l := newS3Links(p)
	targets := logTargets(p)
	for _, b := range p.Resources(typeS3Bucket) {
		if len(l.governing(b, typeS3BucketLogging)) > 0 {
			continue
		}
		if blocks := b.Body.BlocksOf("logging"); len(blocks) > 0 {
			// A dynamic logging block over an unknown collection may
			// produce no block at all.
			if allUnknownBlocks(blocks) {
				p.NoteUnknown(b, "logging")
			}
			continue
		}
		if isLogTarget(b, targets) {
			// The destination of other buckets' access logs: logging it
			// would need yet another bucket, and S3 advises against a
			// bucket logging into itself.
			continue
		}
		p.ReportMissing(b, "logging",
			"no server access logging: CloudTrail records management calls by default, but object reads and writes are not recorded unless you add aws_s3_bucket_logging (or CloudTrail data events)")
	}
}

// logTargets returns the buckets that receive server access logs in this
// configuration, from aws_s3_bucket_logging and inline logging blocks.
func logTargets(p *analyzer.Pass) []bucketTarget {
	var out []bucketTarget
	for _, r := range p.Resources(typeS3BucketLogging) {
		out = append(out, targetOfAttr(p, r.Attr("target_bucket")))
	}
	for _, b := range p.Resources(typeS3Bucket) {
		for _, lg := range b.Body.BlocksOf("logging") {
			out = append(out, targetOfAttr(p, lg.Attr("target_bucket")))
		}
	}
	return out
}

// isLogTarget reports whether bucket b certainly receives access logs. An
// unknown target proves nothing either way, and a bucket without logging is
// a known fact, so only a sure link exempts it.
func isLogTarget(b *analyzer.Resource, targets []bucketTarget) bool {
	self := targetOfBucket(b)
	for _, t := range targets {
		if relateBuckets(t, self) == linkSure {
			return true
		}
	}
	return false
}

// allUnknownBlocks reports whether every block came from a dynamic block
// over an unknown collection, so that none is certain to exist.
func allUnknownBlocks(blocks []*analyzer.Block) bool {
	for _, b := range blocks {
		if !b.Unknown {
			return false
		}
	}
	return true
}
