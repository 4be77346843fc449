package checks

import (
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// S3NoCMKEncryption flags buckets whose default encryption does not use a
// customer-managed KMS key: no configuration (SSE-S3, the default since
// January 2023), AES256 (SSE-S3), or SSE-KMS with the AWS-managed aws/s3 key.
var S3NoCMKEncryption = &analyzer.Check{
	ID:        "s3-no-cmk-encryption",
	Title:     "S3 bucket not encrypted with a customer-managed KMS key",
	Severity:  analyzer.Low,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{typeS3Bucket, typeS3BucketSSE},
	Boundary:  "AWS encrypts every new object at rest (SSE-S3, since January 2023) with keys it owns and rotates; who may use the key, and the power to revoke it, exist only with a customer-managed KMS key, and that choice is yours.",
	Fix:       "Configure default encryption with sse_algorithm = \"aws:kms\" (or \"aws:kms:dsse\") and kms_master_key_id set to an aws_kms_key you manage; bucket_key_enabled = true keeps the KMS request cost down.",
	Run:       runS3NoCMKEncryption,
}

func init() { register(S3NoCMKEncryption) }

// The AWS facts behind this check, from the S3 User Guide and the provider
// docs for aws_s3_bucket_server_side_encryption_configuration (checked
// 2026-12): since January 5, 2023 S3 applies SSE-S3 to every new object of
// every bucket; sse_algorithm takes AES256 (SSE-S3), aws:kms (SSE-KMS) or
// aws:kms:dsse (DSSE-KMS); with aws:kms and no kms_master_key_id S3 uses the
// AWS-managed aws/s3 key.
const (
	msgSSEDefault = "no default encryption configured: S3 already encrypts new objects with SSE-S3 (since January 2023) using keys AWS manages, so you cannot restrict, audit or revoke use of the key; configure SSE-KMS with a customer-managed key"
	msgSSES3      = "AES256 is SSE-S3, which S3 applies anyway since January 2023: the data is encrypted but the key is AWS's, not yours to restrict, audit or revoke; use aws:kms with a customer-managed key"
	msgAWSManaged = "SSE-KMS with the AWS-managed aws/s3 key: encrypted, but its key policy is AWS's and cannot be narrowed or revoked; set kms_master_key_id to a customer-managed key"
)

// sseVerdict is the judgement of one default encryption configuration.
type sseVerdict struct {
	// ok is set when the configuration uses (or may use) a customer-managed
	// key.
	ok bool
	// unknown names the value that keeps an ok verdict open: the
	// configuration may use a customer-managed key, or may not.
	unknown string
	// report is the argument or block to report when not ok.
	attr  *analyzer.Attribute
	block *analyzer.Block
	msg   string
}

func runS3NoCMKEncryption(p *analyzer.Pass) {
	l := newS3Links(p)
	// Split configurations are judged where they stand, whatever bucket
	// they serve.
	verdicts := map[*analyzer.Resource]sseVerdict{}
	for _, r := range p.Resources(typeS3BucketSSE) {
		v := judgeSSE(r.Body)
		verdicts[r] = v
		reportSSE(p, r, v)
	}
	for _, b := range p.Resources(typeS3Bucket) {
		if linked := l.governing(b, typeS3BucketSSE); len(linked) > 0 {
			// The split resource governs the bucket (it overrides the
			// deprecated inline block); it was judged above. An open
			// verdict there leaves the bucket open too.
			for _, x := range linked {
				if v := verdicts[x]; v.unknown != "" && l.surelyLinked(x, b) {
					p.NoteUnknown(b, v.unknown+" of "+x.Address)
				}
			}
			continue
		}
		inline := b.Body.BlocksOf("server_side_encryption_configuration")
		if len(inline) == 0 {
			p.ReportMissing(b, "server_side_encryption_configuration", "%s", msgSSEDefault)
			continue
		}
		for _, c := range inline {
			reportSSE(p, b, judgeSSE(c))
		}
	}
}

func reportSSE(p *analyzer.Pass, r *analyzer.Resource, v sseVerdict) {
	switch {
	case v.ok && v.unknown != "":
		p.NoteUnknown(r, v.unknown)
	case v.ok:
	case v.attr != nil:
		p.ReportAttr(r, v.attr, "%s", v.msg)
	case v.block != nil:
		p.ReportBlock(r, v.block, "%s", v.msg)
	}
}

// judgeSSE reads a server-side encryption configuration: the body of an
// aws_s3_bucket_server_side_encryption_configuration, or the inline
// server_side_encryption_configuration block of aws_s3_bucket. Both hold
// `rule { apply_server_side_encryption_by_default { ... } }`.
func judgeSSE(c *analyzer.Block) sseVerdict {
	if c.Unknown {
		return sseVerdict{ok: true, unknown: c.Type}
	}
	if c.HasUnknownBlocks("rule") {
		return sseVerdict{ok: true, unknown: joinBlockPath(c.Path, "rule")}
	}
	rules := c.BlocksOf("rule")
	if len(rules) == 0 {
		// Invalid for the provider (rule is required): nothing to judge.
		return sseVerdict{ok: true}
	}
	var bad sseVerdict
	var open sseVerdict
	for _, rule := range rules {
		v := judgeSSERule(rule)
		if v.ok && v.unknown == "" {
			return v
		}
		if v.ok {
			open = v
			continue
		}
		bad = v
	}
	if open.ok {
		return open
	}
	return bad
}

func judgeSSERule(rule *analyzer.Block) sseVerdict {
	if rule.HasUnknownBlocks("apply_server_side_encryption_by_default") {
		return sseVerdict{ok: true, unknown: joinBlockPath(rule.Path, "apply_server_side_encryption_by_default")}
	}
	d := rule.FirstBlock("apply_server_side_encryption_by_default")
	if d == nil {
		// A rule with only bucket_key_enabled leaves the S3 default, SSE-S3.
		return sseVerdict{block: rule, msg: msgSSEDefault}
	}
	algAttr := d.Attr("sse_algorithm")
	alg, known := algAttr.String()
	if !known {
		return sseVerdict{ok: true, unknown: unknownArgPath(algAttr, "sse_algorithm")}
	}
	switch alg {
	case "AES256":
		return sseVerdict{attr: algAttr, msg: msgSSES3}
	case "aws:kms", "aws:kms:dsse":
		keyAttr := d.Attr("kms_master_key_id")
		if keyAttr == nil {
			return sseVerdict{attr: algAttr, msg: msgAWSManaged}
		}
		key, known := quietString(keyAttr)
		if known && isAWSManagedS3Key(key) {
			return sseVerdict{attr: keyAttr, msg: msgAWSManaged}
		}
		// A key id, ARN or alias of a key you manage, or an unknown one
		// (aws_kms_key.x.arn is computed): not reported. An unknown key
		// derived from keys the configuration creates is yours; any other
		// unknown key (a variable, a data source that may look up
		// alias/aws/s3) leaves the control open.
		if !known && !derivedFromOwnKeys(keyAttr) {
			return sseVerdict{ok: true, unknown: unknownArgPath(keyAttr, "kms_master_key_id")}
		}
		return sseVerdict{ok: true}
	}
	return sseVerdict{ok: true}
}

// ownKeyTypes are the resources whose id, arn or alias names a KMS key
// the configuration creates, and so a customer-managed one.
var ownKeyTypes = map[string]bool{
	"aws_kms_key": true, "aws_kms_alias": true, "aws_kms_replica_key": true,
	"aws_kms_external_key": true, "aws_kms_replica_external_key": true,
}

// derivedFromOwnKeys reports whether an unknown key argument is derived
// only from KMS keys (or aliases) the configuration manages.
func derivedFromOwnKeys(a *analyzer.Attribute) bool {
	if len(a.Refs) == 0 {
		return false
	}
	for _, ref := range a.Refs {
		if !ownKeyTypes[resourceTypeOfAddress(ref.Address)] {
			return false
		}
	}
	return true
}

// unknownArgPath names an argument for an unknown control: its path in the
// resource, or name when it has none.
func unknownArgPath(a *analyzer.Attribute, name string) string {
	if a != nil && a.Path != "" {
		return a.Path
	}
	return name
}

// joinBlockPath appends a nested block name to a block path.
func joinBlockPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// isAWSManagedS3Key reports whether a kms_master_key_id names the AWS-managed
// key for S3 by its alias, `alias/aws/s3` or its ARN form
// `arn:aws:kms:<region>:<account>:alias/aws/s3`. Its key id cannot be told
// from a customer key's without asking KMS.
func isAWSManagedS3Key(key string) bool {
	return key == "alias/aws/s3" || strings.HasSuffix(key, ":alias/aws/s3")
}
