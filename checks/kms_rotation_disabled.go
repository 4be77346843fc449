package checks

import (
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// KMSRotationDisabled flags customer-managed symmetric encryption keys
// without automatic rotation.
//
// Facts (verified 2026-12-02):
//   - Automatic key rotation is supported only on symmetric encryption KMS
//     keys: not on asymmetric keys, HMAC keys, keys with imported key
//     material or keys in a custom key store; for multi-Region keys it is set
//     on the primary key (AWS KMS API Reference, EnableKeyRotation).
//   - KMS rotates AWS-managed keys every year by itself (since May 2022);
//     rotation of customer-managed keys is off until enabled (same page).
//   - aws_kms_key: customer_master_key_spec defaults to SYMMETRIC_DEFAULT and
//     enable_key_rotation to false (Terraform AWS provider docs).
//
// Keys in a custom key store (custom_key_store_id, xks_key_id) and every
// non-symmetric spec are never flagged. aws_kms_external_key (imported key
// material) cannot rotate automatically and is not read.
var KMSRotationDisabled = &analyzer.Check{
	ID:        "kms-rotation-disabled",
	Title:     "KMS key does not rotate automatically",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_kms_key"},
	Boundary:  "AWS rotates the key material of AWS-managed keys yearly; for a customer-managed key, turning rotation on is yours.",
	Fix:       "Set enable_key_rotation = true (and rotation_period_in_days if a year is too long).",
	Run:       runKMSRotationDisabled,
}

func init() { register(KMSRotationDisabled) }

func runKMSRotationDisabled(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_kms_key") {
		spec, known := r.StringOr("customer_master_key_spec", "SYMMETRIC_DEFAULT")
		if !known || !strings.EqualFold(spec, "SYMMETRIC_DEFAULT") {
			continue
		}
		if usage, known := r.StringOr("key_usage", "ENCRYPT_DECRYPT"); !known || !strings.EqualFold(usage, "ENCRYPT_DECRYPT") {
			continue
		}
		if r.Attr("custom_key_store_id") != nil || r.Attr("xks_key_id") != nil {
			continue // keys in a custom key store cannot rotate automatically
		}
		a := r.Attr("enable_key_rotation")
		if a == nil {
			p.ReportMissing(r, "enable_key_rotation",
				"enable_key_rotation is not set and defaults to false: KMS rotates AWS-managed keys yearly on its own, but this customer-managed key keeps the same key material until you turn rotation on; set enable_key_rotation = true")
			continue
		}
		if v, known := a.Bool(); known && !v {
			p.ReportAttr(r, a,
				"enable_key_rotation = false: this customer-managed key keeps the same key material forever, unlike the AWS-managed keys KMS rotates yearly; set it to true")
		}
	}
}
