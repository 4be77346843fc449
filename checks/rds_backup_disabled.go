package checks

import "github.com/onus-sec/onus/analyzer"

// RDSBackupDisabled flags DB instances whose automated backups are turned
// off.
//
// Facts (verified 2026-12-02, RDS API CreateDBInstance
// BackupRetentionPeriod, and the RDS User Guide, "Backup retention period"):
//   - A DB instance created through the API without a retention period keeps
//     automated backups for one day (the console's default is seven);
//     setting it to 0 turns automated backups and point-in-time recovery
//     off. A missing backup_retention_period is therefore fine.
//   - A read replica (replicate_source_db) has backups off by default and
//     its data is backed up at its source, so a replica's 0 is not reported.
//   - aws_rds_cluster (Aurora and Multi-AZ DB clusters) accepts 1 to 35 days
//     only (CreateDBCluster BackupRetentionPeriod): its backups cannot be
//     turned off, so clusters are not judged.
var RDSBackupDisabled = &analyzer.Check{
	ID:        "rds-backup-disabled",
	Title:     "RDS automated backups are turned off",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_db_instance"},
	Boundary:  "AWS takes and stores automated backups and point-in-time logs when a retention period is set; setting it, and how long, is yours.",
	Fix:       "Set backup_retention_period to at least 7 (up to 35) days, or remove it to get AWS's one-day default.",
	Run:       runRDSBackupDisabled,
}

func init() { register(RDSBackupDisabled) }

func runRDSBackupDisabled(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_db_instance") {
		if r.Attr("replicate_source_db") != nil {
			continue
		}
		a := r.Attr("backup_retention_period")
		if n, ok := a.Int(); ok && n == 0 {
			p.ReportAttr(r, a, "backup_retention_period = 0 turns automated backups off: AWS keeps no daily snapshots or transaction logs, so the database cannot be restored to a point in time after a mistake or a deletion; set a retention of 7 days or more")
		}
	}
}
