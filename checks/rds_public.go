package checks

import "github.com/onus-sec/onus/analyzer"

// RDSPublic flags database instances reachable from outside their VPC.
//
// Only DB instances carry publicly_accessible in the Terraform AWS provider:
// aws_db_instance (default false, verified 2026-12-02 in the provider docs)
// and aws_rds_cluster_instance (Optional and Computed, but the provider
// sends false when it is unset: provider source cluster_instance.go,
// PubliclyAccessible: aws.Bool(d.Get("publicly_accessible").(bool)),
// verified 2026-12-02). aws_rds_cluster has no such argument (its schema in
// provider source cluster.go, verified 2026-12-02): an Aurora cluster is as
// public as its instances.
var RDSPublic = &analyzer.Check{
	ID:        "rds-public",
	Title:     "RDS database instance is publicly accessible",
	Severity:  analyzer.Critical,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_db_instance", "aws_rds_cluster_instance"},
	Boundary:  "AWS runs and patches the database host; whether its endpoint resolves to a public address is set by you.",
	Fix:       "Set publicly_accessible = false and reach the database from inside the VPC (VPN, bastion, RDS Proxy).",
	Run:       runRDSPublic,
}

func init() { register(RDSPublic) }

func runRDSPublic(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_db_instance", "aws_rds_cluster_instance") {
		a := r.Attr("publicly_accessible")
		if v, ok := a.Bool(); ok && v {
			p.ReportAttr(r, a, "%s has a public endpoint: its DNS name resolves to a public address and only its security groups stand between it and the Internet; set publicly_accessible = false", r.Type)
		}
	}
}
