package checks

import "github.com/onus-sec/onus/analyzer"

// DynamoDBNoCMK flags tables whose encryption key is not customer-managed.
//
// DynamoDB always encrypts tables at rest, so the finding is about key
// control, not encryption. Facts (verified 2026-12-02, Terraform AWS provider
// docs, aws_dynamodb_table server_side_encryption):
//   - With no server_side_encryption block the table is encrypted with an
//     AWS-owned key ("AWS DynamoDB tables are automatically encrypted at rest
//     with an AWS-owned Customer Master Key if this argument isn't
//     specified").
//   - enabled = false also means the AWS-owned key; enabled = true without
//     kms_key_arn means the AWS-managed key alias/aws/dynamodb.
//   - kms_key_arn names a customer-managed key.
var DynamoDBNoCMK = &analyzer.Check{
	ID:        "dynamodb-no-cmk",
	Title:     "DynamoDB table is not encrypted with a customer-managed KMS key",
	Severity:  analyzer.Low,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_dynamodb_table"},
	Boundary:  "AWS encrypts every DynamoDB table at rest; choosing a key you control, whose use you can audit and revoke, is yours.",
	Fix:       "Add server_side_encryption { enabled = true, kms_key_arn = <customer-managed key ARN> }.",
	Run:       runDynamoDBNoCMK,
}

func init() { register(DynamoDBNoCMK) }

func runDynamoDBNoCMK(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_dynamodb_table") {
		if r.Body.HasUnknownBlocks("server_side_encryption") {
			continue
		}
		sse := r.Body.FirstBlock("server_side_encryption")
		if sse == nil {
			p.ReportMissing(r, "server_side_encryption",
				"no server_side_encryption: DynamoDB already encrypts this table with an AWS-owned key, which is not in your account, so you cannot restrict, audit or revoke its use; add server_side_encryption with a customer-managed kms_key_arn")
			continue
		}
		enabled := sse.Attr("enabled")
		on, known := enabled.Bool()
		switch {
		case !known && enabled != nil:
		case !on:
			if enabled != nil {
				p.ReportAttr(r, enabled,
					"server_side_encryption.enabled = false: DynamoDB still encrypts this table, with an AWS-owned key you cannot restrict, audit or revoke; set enabled = true with a customer-managed kms_key_arn")
			} else {
				p.ReportBlock(r, sse,
					"server_side_encryption without enabled = true leaves the AWS-owned key: DynamoDB encrypts the table, but you cannot restrict, audit or revoke the key; set enabled = true with a customer-managed kms_key_arn")
			}
		default:
			key := sse.Attr("kms_key_arn")
			switch kmsKeyUse(key) {
			case keyNone:
				p.ReportAttr(r, enabled,
					"server_side_encryption with no kms_key_arn uses the AWS-managed aws/dynamodb key: encrypted, but its policy is AWS's and cannot be narrowed; set kms_key_arn to a customer-managed key")
			case keyAWSManaged:
				p.ReportAttr(r, key,
					"kms_key_arn names the AWS-managed aws/dynamodb key: its policy is AWS's and cannot be narrowed; use a customer-managed key")
			}
		}
	}
}
