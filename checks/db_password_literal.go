package checks

import (
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// DBPasswordLiteral flags database master passwords and ElastiCache auth
// tokens whose value is written in the configuration.
//
// Written means known at scan time: a literal, a local, a variable default
// or a .tfvars value. A variable with no default, a random_password result
// or a data source is unknown until apply and is fine — although even then
// the value lands in the state, which the managed-password options avoid.
//
// Facts (verified 2026-12-02): RDS and Aurora (manage_master_user_password,
// RDS User Guide "Password management with Secrets Manager"), DocumentDB
// (ManageMasterUserPassword, DocumentDB API ModifyDBCluster) and Redshift
// (manage_master_password, provider PR #34182 for the ManageMasterPassword
// API) can generate the password and keep it in Secrets Manager; recent
// provider versions also take write-only password_wo / master_password_wo
// arguments (Terraform 1.11+) that stay out of the plan and the state.
var DBPasswordLiteral = &analyzer.Check{
	ID:        "db-password-literal",
	Title:     "Database password is written in the configuration",
	Severity:  analyzer.High,
	Side:      analyzer.Customer,
	Category:  analyzer.Secrets,
	Resources: []string{"aws_db_instance", "aws_rds_cluster", "aws_redshift_cluster", "aws_docdb_cluster", "aws_elasticache_replication_group"},
	Boundary:  "AWS stores and checks the database credentials you set, and can generate and rotate them in Secrets Manager; keeping them out of your code is yours.",
	Fix:       "Set manage_master_user_password = true (RDS, Aurora, DocumentDB) or manage_master_password = true (Redshift); otherwise pass the value from a variable without default or an ephemeral random_password into the write-only argument.",
	Run:       runDBPasswordLiteral,
}

func init() { register(DBPasswordLiteral) }

// dbPasswordArgs lists, per resource type, the arguments that carry a
// database password or token.
var dbPasswordArgs = map[string][]string{
	"aws_db_instance":                   {"password", "password_wo"},
	"aws_rds_cluster":                   {"master_password", "master_password_wo"},
	"aws_redshift_cluster":              {"master_password", "master_password_wo"},
	"aws_docdb_cluster":                 {"master_password", "master_password_wo"},
	"aws_elasticache_replication_group": {"auth_token"},
}

func runDBPasswordLiteral(p *analyzer.Pass) {
	for _, typ := range []string{"aws_db_instance", "aws_rds_cluster", "aws_redshift_cluster", "aws_docdb_cluster", "aws_elasticache_replication_group"} {
		for _, r := range p.Resources(typ) {
			for _, name := range dbPasswordArgs[typ] {
				a := r.Attr(name)
				s, ok := a.String()
				if !ok || strings.TrimSpace(s) == "" {
					continue
				}
				what := "the master password"
				if name == "auth_token" {
					what = "the Redis/Valkey AUTH token"
				}
				reportSecret(p, r, a.Range, attrPath(a), s,
					"%s (%s) %s: everyone who can read the repository, a plan or the state knows it; let AWS manage it in Secrets Manager, or pass it in at apply time",
					what, analyzer.MaskSecret(s), valueOrigin(a.Expr()))
			}
		}
	}
}
