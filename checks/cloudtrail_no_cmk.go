package checks

import "github.com/onus-sec/onus/analyzer"

// CloudTrailNoCMK flags trails whose log files are not encrypted with a
// customer-managed KMS key.
//
// Facts (verified 2026-12-02): by default the log files CloudTrail delivers
// to S3 are encrypted with SSE-S3, keys Amazon S3 manages; SSE-KMS with a key
// of yours is the option that adds a separate kms:Decrypt permission in front
// of the logs (AWS Control Tower control CT.CLOUDTRAIL.PR.1; CloudTrail User
// Guide, "Encrypting CloudTrail log files with AWS KMS keys"). The Terraform
// argument is kms_key_id, with no default.
var CloudTrailNoCMK = &analyzer.Check{
	ID:        "cloudtrail-no-cmk",
	Title:     "CloudTrail logs are not encrypted with a customer-managed KMS key",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_cloudtrail"},
	Boundary:  "AWS encrypts delivered log files with S3-managed keys; putting a key you control in front of your audit trail is yours.",
	Fix:       "Set kms_key_id to a customer-managed KMS key whose policy lets cloudtrail.amazonaws.com encrypt and your auditors decrypt.",
	Run:       runCloudTrailNoCMK,
}

func init() { register(CloudTrailNoCMK) }

func runCloudTrailNoCMK(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_cloudtrail") {
		switch kmsKeyUse(r.Attr("kms_key_id")) {
		case keyNone:
			p.ReportAt(r, "kms_key_id",
				"no kms_key_id: CloudTrail already encrypts its log files with SSE-S3, but anyone who can read the bucket can read the trail; set kms_key_id to a customer-managed key so that reading also needs kms:Decrypt you grant")
		case keyAWSManaged:
			p.ReportAttr(r, r.Attr("kms_key_id"),
				"kms_key_id names an AWS-managed key: its policy is AWS's and cannot be narrowed; use a customer-managed key")
		}
	}
}
