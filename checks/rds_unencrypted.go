package checks

import "github.com/onus-sec/onus/analyzer"

// RDSUnencrypted flags RDS instances and clusters whose storage is not
// encrypted at rest.
//
// Facts (verified 2026-12-02):
//   - aws_db_instance storage_encrypted defaults to false (Terraform AWS
//     provider docs).
//   - aws_rds_cluster storage_encrypted defaults to false for the provisioned
//     engine mode and true for serverless (provider docs); the provider
//     passes it only when set.
//   - A read replica in the same region is encrypted with the source's key,
//     and an encrypted replica of an unencrypted source cannot be made (RDS
//     API, CreateDBInstanceReadReplica KmsKeyId): a replica's encryption is
//     its source's, judged at the source. The same holds for an Aurora
//     replica cluster (replication_source_identifier).
//   - A DB instance restored from a snapshot or to a point in time takes the
//     encryption of what it is restored from, and the provider sends no
//     StorageEncrypted when restoring a cluster from a snapshot, only
//     kms_key_id (provider source cluster.go, RestoreDBClusterFromSnapshot).
//     What the snapshot holds is not in the configuration, so such resources
//     are judged only when they set storage_encrypted = false themselves.
//   - A cluster joining a global database (global_cluster_identifier)
//     follows the global cluster's encryption when it does not set its own.
//   - aws_rds_cluster_instance has no storage_encrypted argument: it is
//     encrypted when its cluster is.
var RDSUnencrypted = &analyzer.Check{
	ID:        "rds-unencrypted",
	Title:     "RDS storage is not encrypted",
	Severity:  analyzer.High,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_db_instance", "aws_rds_cluster"},
	Boundary:  "AWS encrypts RDS storage, backups, snapshots and replicas with KMS when you ask at creation; asking is yours, and it cannot be turned on later in place.",
	Fix:       "Set storage_encrypted = true (with kms_key_id for a customer-managed key); for an existing database, restore an encrypted copy of a snapshot.",
	Run:       runRDSUnencrypted,
}

func init() { register(RDSUnencrypted) }

func runRDSUnencrypted(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_db_instance", "aws_rds_cluster") {
		inherits := inheritsEncryption(r)
		if r.Type == "aws_rds_cluster" && !inherits {
			mode, ok := r.StringOr("engine_mode", "provisioned")
			if !ok {
				inherits = true // serverless clusters default to encrypted
			} else if mode == "serverless" {
				inherits = true
			}
		}
		a := r.Attr("storage_encrypted")
		switch v, known := a.Bool(); {
		case a == nil && !inherits:
			p.ReportMissing(r, "storage_encrypted",
				"storage_encrypted is not set and defaults to false: AWS stores this database, its backups and snapshots unencrypted; set storage_encrypted = true at creation")
		case a != nil && known && !v && !unencryptedIsIgnored(r):
			p.ReportAttr(r, a,
				"storage_encrypted = false: AWS stores this database, its backups and snapshots unencrypted, and encryption cannot be turned on later in place; set it to true")
		}
	}
}

// inheritsEncryption reports whether a database takes its encryption from
// something else when storage_encrypted is unset: a replica from its source,
// a restore from its snapshot or source, a global cluster member from the
// global cluster.
func inheritsEncryption(r *analyzer.Resource) bool {
	args := []string{"snapshot_identifier"}
	switch r.Type {
	case "aws_db_instance":
		args = append(args, "replicate_source_db")
	case "aws_rds_cluster":
		args = append(args, "replication_source_identifier", "global_cluster_identifier")
	}
	for _, name := range args {
		if r.Attr(name) != nil {
			return true
		}
	}
	return len(r.Body.BlocksOf("restore_to_point_in_time")) > 0
}

// unencryptedIsIgnored reports whether storage_encrypted = false has no
// effect: a DB instance replica or a DB instance restored from a snapshot
// or a point in time takes its source's encryption whatever it says.
func unencryptedIsIgnored(r *analyzer.Resource) bool {
	return r.Type == "aws_db_instance" && inheritsEncryption(r)
}
