package checks

import "github.com/onus-sec/onus/analyzer"

// LogsNoCMK flags CloudWatch Logs log groups not encrypted with a
// customer-managed KMS key.
//
// Facts (verified 2026-12-02): log group data is always encrypted at rest by
// CloudWatch Logs with keys the service manages; associating a KMS key of
// yours (kms_key_id, no default) makes reading the logs also depend on that
// key's policy (Amazon CloudWatch Logs User Guide, "Encrypt log data in
// CloudWatch Logs using AWS Key Management Service").
var LogsNoCMK = &analyzer.Check{
	ID:        "logs-no-cmk",
	Title:     "CloudWatch log group is not encrypted with a customer-managed KMS key",
	Severity:  analyzer.Low,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_cloudwatch_log_group"},
	Boundary:  "AWS always encrypts log data at rest with keys it manages; a key you control, whose use you can audit and revoke, is yours to add.",
	Fix:       "Set kms_key_id to a customer-managed KMS key whose policy lets logs.<region>.amazonaws.com use it.",
	Run:       runLogsNoCMK,
}

func init() { register(LogsNoCMK) }

func runLogsNoCMK(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_cloudwatch_log_group") {
		switch kmsKeyUse(r.Attr("kms_key_id")) {
		case keyNone:
			p.ReportAt(r, "kms_key_id",
				"no kms_key_id: CloudWatch Logs already encrypts this log group with keys it manages, which you cannot restrict, audit or revoke; set kms_key_id to a customer-managed key")
		case keyAWSManaged:
			p.ReportAttr(r, r.Attr("kms_key_id"),
				"kms_key_id names an AWS-managed key: its policy is AWS's and cannot be narrowed; use a customer-managed key")
		}
	}
}
