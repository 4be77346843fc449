package checks

import (
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// ElastiCacheUnencrypted flags ElastiCache replication groups and standalone
// clusters that store data unencrypted or accept plaintext connections.
//
// Facts (verified 2026-12-02):
//   - aws_elasticache_replication_group at_rest_encryption_enabled: "When
//     engine is redis, default is false. When engine is valkey, default is
//     true"; engine defaults to redis (Terraform AWS provider docs).
//   - TransitEncryptionEnabled defaults to false (ElastiCache API,
//     CreateReplicationGroup); at-rest encryption can be chosen only at
//     creation.
//   - At-rest encryption is supported on replication groups (Valkey, Redis
//     OSS) and is always on for serverless caches (ElastiCache User Guide,
//     "At-Rest Encryption in ElastiCache"); aws_elasticache_cluster has no
//     at-rest argument, only transit_encryption_enabled (Memcached 1.6.12+,
//     Valkey 7.2+, Redis OSS 3.2.6/4.0.10+).
//   - A secondary member of a global datastore (global_replication_group_id)
//     takes its encryption settings from the global datastore.
//
// aws_elasticache_serverless_cache is encrypted at rest by AWS and is never
// flagged.
var ElastiCacheUnencrypted = &analyzer.Check{
	ID:        "elasticache-unencrypted",
	Title:     "ElastiCache data is not encrypted at rest or in transit",
	Severity:  analyzer.High,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_elasticache_replication_group", "aws_elasticache_cluster"},
	Boundary:  "AWS encrypts cache data on disk and in backups, and serves TLS, when you ask at creation (serverless caches always); asking is yours.",
	Fix:       "Create the cache as a replication group with at_rest_encryption_enabled = true and transit_encryption_enabled = true (or use a serverless cache).",
	Run:       runElastiCacheUnencrypted,
}

func init() { register(ElastiCacheUnencrypted) }

func runElastiCacheUnencrypted(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_elasticache_replication_group") {
		if r.Attr("global_replication_group_id") != nil {
			// A secondary of a global datastore inherits the primary's
			// settings; only an explicit false is its own.
			reportCacheFalse(p, r, "at_rest_encryption_enabled")
			reportCacheFalse(p, r, "transit_encryption_enabled")
			continue
		}
		engine, engineKnown := r.StringOr("engine", "redis")
		switch {
		case cacheSet(r, "at_rest_encryption_enabled"):
			reportCacheFalse(p, r, "at_rest_encryption_enabled")
		case engineKnown && strings.EqualFold(engine, "redis"):
			p.ReportMissing(r, "at_rest_encryption_enabled",
				"at_rest_encryption_enabled is not set and defaults to false for the redis engine: ElastiCache writes this cache's disk data and S3 backups unencrypted, and it can only be chosen at creation; set at_rest_encryption_enabled = true")
		}
		if cacheSet(r, "transit_encryption_enabled") {
			reportCacheFalse(p, r, "transit_encryption_enabled")
		} else {
			p.ReportMissing(r, "transit_encryption_enabled",
				"transit_encryption_enabled is not set and defaults to false: clients and replicas talk to this cache without TLS; set transit_encryption_enabled = true")
		}
	}
	for _, r := range p.Resources("aws_elasticache_cluster") {
		if r.Attr("replication_group_id") != nil {
			continue // a member of a replication group, judged there
		}
		engine, known := r.Attr("engine").String()
		if known && (strings.EqualFold(engine, "redis") || strings.EqualFold(engine, "valkey")) {
			p.ReportAt(r, "engine",
				"a standalone %s cluster cannot be encrypted at rest: ElastiCache encrypts at rest only replication groups and serverless caches; create it as aws_elasticache_replication_group with at_rest_encryption_enabled = true", engine)
		}
		if cacheSet(r, "transit_encryption_enabled") {
			reportCacheFalse(p, r, "transit_encryption_enabled")
		} else {
			p.ReportMissing(r, "transit_encryption_enabled",
				"transit_encryption_enabled is not set and defaults to false: clients talk to this cache without TLS; set transit_encryption_enabled = true")
		}
	}
}

// cacheSet reports whether a boolean argument is set. The provider's
// nullable booleans may also be written as strings, "" meaning unset.
func cacheSet(r *analyzer.Resource, name string) bool {
	a := r.Attr(name)
	if a == nil {
		return false
	}
	s, ok := a.String()
	return !ok || strings.TrimSpace(s) != ""
}

// reportCacheFalse reports a cache encryption argument known to be false.
func reportCacheFalse(p *analyzer.Pass, r *analyzer.Resource, name string) {
	a := r.Attr(name)
	if v, known := a.Bool(); !known || v {
		return
	}
	if name == "at_rest_encryption_enabled" {
		p.ReportAttr(r, a,
			"at_rest_encryption_enabled = false: ElastiCache writes this cache's disk data and S3 backups unencrypted, and it can only be changed by recreating the cache; set it to true")
		return
	}
	p.ReportAttr(r, a,
		"transit_encryption_enabled = false: clients and replicas talk to this cache without TLS; set it to true")
}
