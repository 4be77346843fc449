package checks

import "github.com/onus-sec/onus/analyzer"

// RDSDeletionProtectionDisabled flags databases that can be deleted by one
// API call.
//
// deletion_protection defaults to false on aws_db_instance and on
// aws_rds_cluster (Terraform AWS provider docs; verified 2026-12-02).
// aws_rds_cluster_instance has no such argument: an Aurora instance is
// protected through its cluster, so only the cluster is judged.
var RDSDeletionProtectionDisabled = &analyzer.Check{
	ID:        "rds-deletion-protection-disabled",
	Title:     "RDS deletion protection is off",
	Severity:  analyzer.Low,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_db_instance", "aws_rds_cluster"},
	Boundary:  "AWS refuses to delete a protected database until protection is turned off; turning it on is yours.",
	Fix:       "Set deletion_protection = true.",
	Run:       runRDSDeletionProtectionDisabled,
}

func init() { register(RDSDeletionProtectionDisabled) }

func runRDSDeletionProtectionDisabled(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_db_instance", "aws_rds_cluster") {
		v, ok := r.BoolOr("deletion_protection", false)
		if !ok || v {
			continue
		}
		what := "database"
		if r.Type == "aws_rds_cluster" {
			what = "cluster"
		}
		if r.Attr("deletion_protection") != nil {
			p.ReportAt(r, "deletion_protection", "deletion_protection = false: one DeleteDB call, or a terraform destroy, removes this %s; set deletion_protection = true", what)
			continue
		}
		p.ReportMissing(r, "deletion_protection", "deletion_protection is not set and defaults to false: one DeleteDB call, or a terraform destroy, removes this %s; set deletion_protection = true", what)
	}
}
