package checks

import "github.com/onus-sec/onus/analyzer"

// SQSUnencrypted flags SQS queues whose configuration turns encryption at
// rest off.
//
// Facts (verified 2026-12-02):
//   - SQS creates new queues with server-side encryption using SQS-owned keys
//     (SSE-SQS) by default when they are created through the HTTPS endpoints
//     Terraform uses (AWS Compute Blog, "Announcing server-side encryption
//     with Amazon SQS-managed encryption keys (SSE-SQS) by default"; the
//     announcement dates from late 2022).
//   - In the Terraform AWS provider 5.x and 6.x sqs_managed_sse_enabled has
//     no default and drift is detected only when it is set (provider docs:
//     "Terraform will only perform drift detection of its value when present
//     in a configuration"), so a queue without it gets the SQS default.
//   - kms_master_key_id selects SSE-KMS (alias/aws/sqs or a customer key).
//
// A queue is therefore unencrypted only when it sets sqs_managed_sse_enabled
// = false and names no KMS key.
var SQSUnencrypted = &analyzer.Check{
	ID:        "sqs-unencrypted",
	Title:     "SQS queue turns off encryption at rest",
	Severity:  analyzer.High,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_sqs_queue"},
	Boundary:  "AWS encrypts new queues at rest with SQS-owned keys by default; turning that off, or choosing your own KMS key, is yours.",
	Fix:       "Remove sqs_managed_sse_enabled = false (or set it to true), or set kms_master_key_id to a customer-managed KMS key.",
	Run:       runSQSUnencrypted,
}

func init() { register(SQSUnencrypted) }

func runSQSUnencrypted(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_sqs_queue") {
		a := r.Attr("sqs_managed_sse_enabled")
		if v, known := a.Bool(); !known || v {
			continue
		}
		if kmsKeyUse(r.Attr("kms_master_key_id")) != keyNone {
			continue // SSE-KMS takes over
		}
		p.ReportAttr(r, a,
			"sqs_managed_sse_enabled = false with no kms_master_key_id: SQS would encrypt this queue with SSE-SQS by default, and this setting stores its messages unencrypted instead; remove it or set a KMS key")
	}
}
