package checks

import (
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// ECRNoCMK flags repositories whose images are not encrypted with a
// customer-managed KMS key.
//
// Facts (verified 2026-12-02):
//   - encryption_configuration.encryption_type takes AES256 (the default),
//     KMS or KMS_DSSE; with KMS and no kms_key, ECR uses the AWS-managed key
//     for ECR (Terraform AWS provider docs, aws_ecr_repository; ECR API
//     EncryptionConfiguration, which lists KMS_DSSE and says it too falls back
//     to the AWS-managed key).
//   - The encryption configuration of a repository cannot be changed after
//     it is created (the provider forces a new repository).
var ECRNoCMK = &analyzer.Check{
	ID:        "ecr-no-cmk",
	Title:     "ECR repository is not encrypted with a customer-managed KMS key",
	Severity:  analyzer.Low,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_ecr_repository"},
	Boundary:  "AWS encrypts every image at rest (AES-256 by default); a key you control, whose use you can audit and revoke, is yours to choose when the repository is created.",
	Fix:       "Create the repository with encryption_configuration { encryption_type = \"KMS\", kms_key = <customer-managed key ARN> }.",
	Run:       runECRNoCMK,
}

func init() { register(ECRNoCMK) }

func runECRNoCMK(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_ecr_repository") {
		if r.Body.HasUnknownBlocks("encryption_configuration") {
			continue
		}
		c := r.Body.FirstBlock("encryption_configuration")
		if c == nil {
			p.ReportMissing(r, "encryption_configuration",
				"no encryption_configuration: ECR already encrypts these images with AES-256 under keys AWS manages, which you cannot restrict, audit or revoke; create the repository with encryption_type = \"KMS\" and a customer-managed kms_key")
			continue
		}
		typ, known := c.StringOr("encryption_type", "AES256")
		switch {
		case !known:
		case strings.EqualFold(typ, "AES256"):
			if a := c.Attr("encryption_type"); a != nil {
				p.ReportAttr(r, a,
					"encryption_type = \"AES256\": ECR encrypts these images with keys AWS manages, which you cannot restrict, audit or revoke; use \"KMS\" with a customer-managed kms_key")
			} else {
				p.ReportBlock(r, c,
					"encryption_configuration sets no encryption_type, so ECR uses AES256 with keys AWS manages; use \"KMS\" with a customer-managed kms_key")
			}
		default:
			key := c.Attr("kms_key")
			switch kmsKeyUse(key) {
			case keyNone:
				p.ReportAttr(r, c.Attr("encryption_type"),
					"encryption_type = \"%s\" with no kms_key: ECR uses the AWS-managed aws/ecr key, whose policy is AWS's and cannot be narrowed; set kms_key to a customer-managed key", typ)
			case keyAWSManaged:
				p.ReportAttr(r, key,
					"kms_key names an AWS-managed key: its policy is AWS's and cannot be narrowed; use a customer-managed key")
			}
		}
	}
}
