package checks

import (
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// KinesisUnencrypted flags Kinesis data streams without server-side
// encryption.
//
// Facts (verified 2026-12-02): aws_kinesis_stream encryption_type accepts
// NONE or KMS and defaults to NONE (Terraform AWS provider docs); Kinesis
// Data Streams encrypts records only after StartStreamEncryption with a KMS
// key, the Kinesis-owned alias/aws/kinesis or a customer key (Kinesis API
// Reference, StartStreamEncryption).
var KinesisUnencrypted = &analyzer.Check{
	ID:        "kinesis-unencrypted",
	Title:     "Kinesis data stream is not encrypted at rest",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_kinesis_stream"},
	Boundary:  "AWS encrypts a stream's records with KMS once server-side encryption is turned on for it; turning it on, and choosing the key, is yours.",
	Fix:       "Set encryption_type = \"KMS\" with kms_key_id set to a customer-managed key (or alias/aws/kinesis).",
	Run:       runKinesisUnencrypted,
}

func init() { register(KinesisUnencrypted) }

func runKinesisUnencrypted(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_kinesis_stream") {
		t, known := r.StringOr("encryption_type", "NONE")
		if !known || !strings.EqualFold(t, "NONE") {
			continue
		}
		if r.Attr("encryption_type") == nil {
			p.ReportMissing(r, "encryption_type",
				"encryption_type is not set and defaults to NONE: Kinesis keeps this stream's records unencrypted at rest until server-side encryption is turned on; set encryption_type = \"KMS\" with a kms_key_id")
			continue
		}
		p.ReportAt(r, "encryption_type",
			"encryption_type = \"NONE\": Kinesis keeps this stream's records unencrypted at rest; set encryption_type = \"KMS\" with a kms_key_id")
	}
}
