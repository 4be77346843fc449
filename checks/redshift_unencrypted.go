package checks

import "github.com/onus-sec/onus/analyzer"

// RedshiftUnencrypted flags Redshift clusters that are not encrypted at rest.
//
// Facts (verified 2026-12-02):
//   - The provider default of `encrypted` changed with the major version:
//     false up to 5.x, true from 6.0.0 (Terraform AWS Provider Version 6
//     Upgrade Guide, resource/aws_redshift_cluster: "encrypted now defaults
//     to true"; pull request hashicorp/terraform-provider-aws#42631 "to match
//     AWS default"). A missing argument is therefore judged by the provider
//     version the configuration admits, as redshift-public does.
//   - AWS announced on 2024-11-18 that provisioned clusters created after
//     2025-01-10 are encrypted, with an AWS-owned key when none is given
//     (hashicorp/terraform-provider-aws#41040, citing the AWS What's New post
//     "Amazon Redshift enhances security defaults"). Clusters created before
//     stay as they were, and under provider 5.x Terraform still plans
//     encrypted = false for them.
//   - Encrypting an existing cluster is a cluster modification: Redshift
//     migrates the data to an encrypted cluster (Amazon Redshift Management
//     Guide, "Changing cluster encryption").
//
// A cluster restored from a snapshot (snapshot_identifier) takes the
// snapshot's encryption and is judged only when it says encrypted = false;
// one that names a kms_key_id means to be encrypted.
var RedshiftUnencrypted = &analyzer.Check{
	ID:        "redshift-unencrypted",
	Title:     "Redshift cluster is not encrypted at rest",
	Severity:  analyzer.High,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_redshift_cluster"},
	Boundary:  "AWS encrypts provisioned clusters created since January 2025 and any cluster you mark encrypted; keeping older clusters and the Terraform setting encrypted is yours.",
	Fix:       "Set encrypted = true (with kms_key_id for a customer-managed key); Redshift migrates an existing cluster to encrypted storage.",
	Run:       runRedshiftUnencrypted,
}

func init() { register(RedshiftUnencrypted) }

func runRedshiftUnencrypted(p *analyzer.Pass) {
	// The default by provider version is data/provider_defaults.json.
	encrypted, version, tabled := providerDefaultBool(p.Config, "aws_redshift_cluster", "encrypted")
	for _, r := range p.Resources("aws_redshift_cluster") {
		a := r.Attr("encrypted")
		if a != nil {
			if v, known := a.Bool(); known && !v {
				p.ReportAttr(r, a,
					"encrypted = false: this cluster's data, backups and snapshots are stored unencrypted (AWS refuses new unencrypted clusters since January 2025, so it describes an older one); set encrypted = true and Redshift migrates it")
			}
			continue
		}
		if r.Attr("snapshot_identifier") != nil || r.Attr("kms_key_id") != nil {
			continue
		}
		if tabled && !encrypted {
			p.ReportMissing(r, "encrypted",
				"encrypted is unset, which the AWS provider reads as false %s: AWS encrypts clusters created since January 2025 anyway, but an older cluster stays unencrypted and Terraform keeps planning encrypted = false; set encrypted = true",
				version)
		}
	}
}
