package checks

import "github.com/onus-sec/onus/analyzer"

// CloudTrailLogValidationDisabled flags trails that do not sign their log
// files.
//
// enable_log_file_validation defaults to false (Terraform AWS provider docs,
// aws_cloudtrail; verified 2026-12-02). With it on, CloudTrail delivers an
// hourly digest file signed by AWS, so that a deleted or altered log file
// can be proven (CloudTrail User Guide, "Validating CloudTrail log file
// integrity").
var CloudTrailLogValidationDisabled = &analyzer.Check{
	ID:        "cloudtrail-log-validation-disabled",
	Title:     "CloudTrail log file validation is off",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.Logging,
	Resources: []string{"aws_cloudtrail"},
	Boundary:  "AWS records the API calls and can sign digests of the log files it delivers; turning that on, and guarding the bucket, are yours.",
	Fix:       "Set enable_log_file_validation = true.",
	Run:       runCloudTrailLogValidationDisabled,
}

func init() { register(CloudTrailLogValidationDisabled) }

func runCloudTrailLogValidationDisabled(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_cloudtrail") {
		v, ok := r.BoolOr("enable_log_file_validation", false)
		if !ok || v {
			continue
		}
		p.ReportAt(r, "enable_log_file_validation",
			"log file validation is off (the provider default): CloudTrail delivers no signed digests, so a log file deleted or edited in the bucket cannot be detected; set enable_log_file_validation = true")
	}
}
