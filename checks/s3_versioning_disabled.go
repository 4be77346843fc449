package checks

import (
	"github.com/onus-sec/onus/analyzer"
)

// S3VersioningDisabled flags buckets without versioning, or with versioning
// suspended.
var S3VersioningDisabled = &analyzer.Check{
	ID:        "s3-versioning-disabled",
	Title:     "S3 bucket versioning is not enabled",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{typeS3Bucket, typeS3BucketVersioning},
	Boundary:  "AWS stores each object redundantly so that hardware loss does not lose it; an overwrite or delete you (or an attacker with your credentials) make is final unless you enable versioning.",
	Fix:       "Add aws_s3_bucket_versioning with versioning_configuration { status = \"Enabled\" } (and lifecycle rules to expire old versions).",
	Run:       runS3VersioningDisabled,
}

func init() { register(S3VersioningDisabled) }

// msgVersioningOff says what AWS does and what is left to the user; each
// finding prefixes what it saw.
const msgVersioningOff = "S3 keeps your objects durable, but an overwrite or delete is final; enable versioning to be able to recover"

func runS3VersioningDisabled(p *analyzer.Pass) {
	l := newS3Links(p)
	// aws_s3_bucket_versioning (provider v4+): versioning_configuration
	// status is Enabled, Suspended or Disabled; the provider docs say
	// Disabled is only for creating or importing unversioned buckets.
	// unknownStatus names, per split resource, the value that keeps its
	// verdict open, so that the bucket it governs shows as unknown too.
	unknownStatus := map[*analyzer.Resource]string{}
	for _, r := range p.Resources(typeS3BucketVersioning) {
		if r.Body.HasUnknownBlocks("versioning_configuration") {
			unknownStatus[r] = "versioning_configuration of " + r.Address
		}
		for _, vc := range r.Body.BlocksOf("versioning_configuration") {
			a := vc.Attr("status")
			s, ok := a.String()
			if ok && (s == "Suspended" || s == "Disabled") {
				p.ReportAttr(r, a, "versioning status %q: %s", s, msgVersioningOff)
			}
			if !ok && a != nil {
				unknownStatus[r] = "versioning status of " + r.Address
			}
		}
	}
	for _, b := range p.Resources(typeS3Bucket) {
		if linked := l.governing(b, typeS3BucketVersioning); len(linked) > 0 {
			// Governed by the split resource, judged above.
			for _, x := range linked {
				if why, open := unknownStatus[x]; open && l.surelyLinked(x, b) {
					p.NoteUnknown(b, why)
				}
			}
			continue
		}
		if b.Body.HasUnknownBlocks("versioning") || objectLockMayBeOn(b) {
			continue
		}
		blocks := b.Body.BlocksOf("versioning")
		if len(blocks) == 0 {
			p.ReportMissing(b, "versioning", "no versioning: %s", msgVersioningOff)
			continue
		}
		for _, v := range blocks {
			// The inline block (deprecated since provider v4): `enabled`
			// defaults to false.
			a := v.Attr("enabled")
			if a == nil {
				p.ReportBlock(b, v, "versioning block without enabled = true (it defaults to false): %s", msgVersioningOff)
				continue
			}
			if on, ok := a.Bool(); ok && !on {
				p.ReportAttr(b, a, "versioning enabled = false: %s", msgVersioningOff)
			}
		}
	}
}

// objectLockMayBeOn reports whether a bucket is, or may be, created with S3
// Object Lock: such a bucket is versioned, and "after you enable Object Lock
// on a bucket, you can't disable Object Lock or suspend versioning for that
// bucket" (S3 User Guide, "Configuring S3 Object Lock", checked 2026-12).
// Provider v4+ spells it object_lock_enabled = true; the deprecated inline
// form is object_lock_configuration { object_lock_enabled = "Enabled" }.
func objectLockMayBeOn(b *analyzer.Resource) bool {
	if a := b.Attr("object_lock_enabled"); a != nil {
		if on, known := a.Bool(); on || !known {
			return true
		}
	}
	if b.Body.HasUnknownBlocks("object_lock_configuration") {
		return true
	}
	for _, olc := range b.Body.BlocksOf("object_lock_configuration") {
		if v, known := olc.StringOr("object_lock_enabled", ""); v == "Enabled" || !known {
			return true
		}
	}
	return false
}
