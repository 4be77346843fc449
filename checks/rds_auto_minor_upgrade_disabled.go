package checks

import (
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// RDSAutoMinorUpgradeDisabled flags managed databases, caches, brokers and
// replication instances that do not take AWS's minor engine versions
// automatically.
//
// Facts (verified 2026-12-02; provider schemas from the Terraform AWS
// provider source, API defaults from the AWS API references):
//   - aws_db_instance, aws_rds_cluster_instance: auto_minor_version_upgrade
//     defaults to true.
//   - aws_rds_cluster: the argument exists only in 6.x releases of the
//     provider (hashicorp/terraform-provider-aws#42472; absent from 5.100.0's
//     schema); unset, the RDS API default applies: "minor engine upgrades
//     are applied automatically" (RDS CreateDBCluster, valid for Aurora and
//     Multi-AZ DB clusters).
//   - aws_elasticache_replication_group and aws_elasticache_cluster: default
//     true, only for the redis and valkey engines from engine version 6 (a
//     string "true"/"false" on the cluster resource).
//   - aws_mq_broker: the provider defaults it to false and always sends it
//     (CreateBrokerInput.AutoMinorVersionUpgrade), although the MQ API
//     default is true; brokers on ActiveMQ 5.18+ and RabbitMQ 3.13+ must set
//     it to true (Amazon MQ API, CreateBroker).
//   - aws_dms_replication_instance: optional and computed; the DMS API
//     defaults it to true.
//
// So a missing argument is flagged only on aws_mq_broker; elsewhere only an
// explicit false is.
var RDSAutoMinorUpgradeDisabled = &analyzer.Check{
	ID:        "rds-auto-minor-upgrade-disabled",
	Title:     "Automatic minor engine upgrades are turned off",
	Severity:  analyzer.Low,
	Side:      analyzer.Shared,
	Category:  analyzer.Patching,
	Resources: autoMinorTypes,
	Boundary:  "AWS publishes patched minor engine versions and applies them in the maintenance window; letting them apply is yours.",
	Fix:       "Set auto_minor_version_upgrade = true (or remove it where the default is true) and keep a maintenance window that suits the workload.",
	Run:       runRDSAutoMinorUpgradeDisabled,
}

func init() { register(RDSAutoMinorUpgradeDisabled) }

// autoMinorTypes are the resource types with auto_minor_version_upgrade.
var autoMinorTypes = []string{
	"aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance",
	"aws_elasticache_replication_group", "aws_elasticache_cluster",
	"aws_mq_broker", "aws_dms_replication_instance",
}

// autoMinorKinds names what each resource type runs, for the message.
var autoMinorKinds = map[string]string{
	"aws_db_instance":                   "database",
	"aws_rds_cluster":                   "database cluster",
	"aws_rds_cluster_instance":          "database instance",
	"aws_elasticache_replication_group": "cache",
	"aws_elasticache_cluster":           "cache",
	"aws_mq_broker":                     "broker",
	"aws_dms_replication_instance":      "replication instance",
}

func runRDSAutoMinorUpgradeDisabled(p *analyzer.Pass) {
	for _, r := range p.Resources(autoMinorTypes...) {
		kind := autoMinorKinds[r.Type]
		if strings.HasPrefix(r.Type, "aws_elasticache_") && !autoMinorApplies(r) {
			continue
		}
		a := r.Attr("auto_minor_version_upgrade")
		if a == nil {
			if r.Type == "aws_mq_broker" {
				p.ReportMissing(r, "auto_minor_version_upgrade",
					"auto_minor_version_upgrade is not set and the AWS provider sends false for Amazon MQ: AWS publishes patched engine versions, but this broker gets them only when you upgrade it; set auto_minor_version_upgrade = true")
			}
			continue
		}
		if v, known := a.Bool(); known && !v {
			p.ReportAttr(r, a,
				"auto_minor_version_upgrade = false: AWS publishes patched minor engine versions and would apply them in the maintenance window, but this %s gets them only when you upgrade it yourself; set it to true", kind)
		}
	}
}

// autoMinorApplies reports whether auto_minor_version_upgrade means anything
// for an ElastiCache cluster or replication group: not for Memcached, whose
// clusters ignore it (provider docs: redis and valkey only). An unknown
// engine is judged as written.
func autoMinorApplies(r *analyzer.Resource) bool {
	engine, known := r.StringOr("engine", "redis")
	return !known || !strings.EqualFold(engine, "memcached")
}
