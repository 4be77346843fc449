package checks

import "github.com/onus-sec/onus/analyzer"

// EFSUnencrypted flags EFS file systems created without encryption at rest.
//
// Facts (verified 2026-12-02):
//   - The EFS console turns encryption at rest on by default, but the AWS
//     CLI, API and SDKs do not: a file system is encrypted only when
//     CreateFileSystem asks (Amazon EFS User Guide, "Encrypting data at
//     rest").
//   - The encryption setting cannot be changed after creation; an existing
//     file system is encrypted by replicating it to a new, encrypted one
//     (same page).
//   - The Terraform AWS provider passes `encrypted` only when it is set and
//     rejects kms_key_id without encrypted = true (provider source,
//     resourceFileSystemCreate), so an unset argument means the API default:
//     unencrypted.
var EFSUnencrypted = &analyzer.Check{
	ID:        "efs-unencrypted",
	Title:     "EFS file system is not encrypted at rest",
	Severity:  analyzer.High,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_efs_file_system"},
	Boundary:  "AWS encrypts an EFS file system's data and metadata with KMS when you ask at creation; asking is yours, and it cannot be turned on later in place.",
	Fix:       "Set encrypted = true (with kms_key_id for a customer-managed key); for an existing file system, replicate it to a new encrypted one.",
	Run:       runEFSUnencrypted,
}

func init() { register(EFSUnencrypted) }

func runEFSUnencrypted(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_efs_file_system") {
		a := r.Attr("encrypted")
		if a == nil {
			if r.Attr("kms_key_id") != nil {
				// A key without encrypted = true is rejected by the
				// provider: the intent is encryption, the plan fails.
				continue
			}
			p.ReportMissing(r, "encrypted",
				"encrypted is not set: EFS encrypts a file system only when asked at creation (the console asks by default, the API and Terraform do not), and never afterwards; set encrypted = true")
			continue
		}
		if v, known := a.Bool(); known && !v {
			p.ReportAttr(r, a,
				"encrypted = false: EFS stores this file system's data and metadata unencrypted, and encryption cannot be turned on later in place; set it to true")
		}
	}
}
