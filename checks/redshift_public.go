package checks

import "github.com/onus-sec/onus/analyzer"

// RedshiftPublic flags Redshift clusters reachable from outside their VPC.
//
// The provider default of publicly_accessible changed with the major
// version: true up to 5.x (verified 2026-12-02, provider docs before 6.0:
// "If true, the cluster can be accessed from a public network. Default is
// true"), false from 6.0.0 (verified 2026-12-02, Terraform AWS Provider
// Version 6 Upgrade Guide, resource/aws_redshift_cluster: "The
// publicly_accessible attribute now defaults to false"). A missing argument
// is therefore judged by the provider version the configuration admits.
var RedshiftPublic = &analyzer.Check{
	ID:        "redshift-public",
	Title:     "Redshift cluster is publicly accessible",
	Severity:  analyzer.Critical,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_redshift_cluster"},
	Boundary:  "AWS runs and patches the Redshift nodes; whether the cluster endpoint resolves to a public address is set by you.",
	Fix:       "Set publicly_accessible = false and reach the cluster from inside the VPC.",
	Run:       runRedshiftPublic,
}

func init() { register(RedshiftPublic) }

func runRedshiftPublic(p *analyzer.Pass) {
	// The default by provider version is data/provider_defaults.json.
	public, version, tabled := providerDefaultBool(p.Config, "aws_redshift_cluster", "publicly_accessible")
	for _, r := range p.Resources("aws_redshift_cluster") {
		// Attr is nil when the argument is absent or null: Terraform treats
		// null as unset, so the provider default applies to both.
		a := r.Attr("publicly_accessible")
		if a != nil {
			if v, ok := a.Bool(); ok && v {
				p.ReportAttr(r, a, "the Redshift cluster has a public endpoint: only its security groups stand between it and the Internet; set publicly_accessible = false")
			}
			continue
		}
		if tabled && public {
			p.ReportMissing(r, "publicly_accessible",
				"publicly_accessible is unset, which the AWS provider reads as true %s: the cluster gets a public endpoint; set publicly_accessible = false",
				version)
		}
	}
}
