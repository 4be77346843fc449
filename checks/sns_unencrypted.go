package checks

import "github.com/onus-sec/onus/analyzer"

// SNSUnencrypted flags SNS topics without server-side encryption.
//
// Facts (verified 2026-12-02, Amazon SNS Developer Guide, "Encryption at
// rest"): SNS server-side encryption protects message bodies with a KMS key
// (the AWS-managed alias/aws/sns or a customer-managed key) and is on only for
// topics that name a key in KmsMasterKeyId; a message is encrypted only if it
// is published after encryption is turned on. The Terraform argument is
// kms_master_key_id, with no default.
var SNSUnencrypted = &analyzer.Check{
	ID:        "sns-unencrypted",
	Title:     "SNS topic is not encrypted at rest",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_sns_topic"},
	Boundary:  "AWS encrypts the messages a topic stores with KMS once the topic names a key; naming one, and controlling it, is yours.",
	Fix:       "Set kms_master_key_id to a customer-managed KMS key (or alias/aws/sns) whose policy lets the publishing services use it.",
	Run:       runSNSUnencrypted,
}

func init() { register(SNSUnencrypted) }

func runSNSUnencrypted(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_sns_topic") {
		if kmsKeyUse(r.Attr("kms_master_key_id")) != keyNone {
			continue
		}
		p.ReportAt(r, "kms_master_key_id",
			"no kms_master_key_id: SNS encrypts a topic's stored messages only when the topic names a KMS key, so this one keeps them unencrypted; set kms_master_key_id, preferably to a customer-managed key")
	}
}
