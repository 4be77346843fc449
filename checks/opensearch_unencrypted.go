package checks

import "github.com/onus-sec/onus/analyzer"

// OpenSearchUnencrypted flags OpenSearch and Elasticsearch domains without
// encryption at rest or node-to-node encryption.
//
// Facts (verified 2026-12-02):
//   - aws_opensearch_domain and aws_elasticsearch_domain: "If the
//     encrypt_at_rest block is not provided then this defaults to false",
//     and likewise for node_to_node_encryption (Terraform AWS provider docs).
//   - OpenSearch Service encrypts indexes, logs, swap files and automated
//     snapshots only when encryption at rest is enabled (Amazon OpenSearch
//     Service Developer Guide, "Encryption of data at rest").
var OpenSearchUnencrypted = &analyzer.Check{
	ID:        "opensearch-unencrypted",
	Title:     "OpenSearch domain is not encrypted at rest or between nodes",
	Severity:  analyzer.High,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_opensearch_domain", "aws_elasticsearch_domain"},
	Boundary:  "AWS encrypts a domain's indexes and snapshots with KMS and its node-to-node traffic with TLS when you turn these on; turning them on is yours.",
	Fix:       "Add encrypt_at_rest { enabled = true } and node_to_node_encryption { enabled = true }.",
	Run:       runOpenSearchUnencrypted,
}

func init() { register(OpenSearchUnencrypted) }

func runOpenSearchUnencrypted(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_opensearch_domain", "aws_elasticsearch_domain") {
		reportDomainEncryption(p, r, "encrypt_at_rest",
			"no encrypt_at_rest block and the provider defaults it to off: OpenSearch Service stores this domain's indexes, logs and automated snapshots unencrypted; add encrypt_at_rest { enabled = true }",
			"encrypt_at_rest.enabled = false: OpenSearch Service stores this domain's indexes, logs and automated snapshots unencrypted; set it to true")
		reportDomainEncryption(p, r, "node_to_node_encryption",
			"no node_to_node_encryption block and the provider defaults it to off: traffic between this domain's nodes is not TLS-encrypted; add node_to_node_encryption { enabled = true }",
			"node_to_node_encryption.enabled = false: traffic between this domain's nodes is not TLS-encrypted; set it to true")
	}
}

// reportDomainEncryption reports a missing encryption block, or one whose
// enabled is false.
func reportDomainEncryption(p *analyzer.Pass, r *analyzer.Resource, kind, missing, off string) {
	if r.Body.HasUnknownBlocks(kind) {
		return
	}
	b := r.Body.FirstBlock(kind)
	if b == nil {
		p.ReportMissing(r, kind, "%s", missing)
		return
	}
	a := b.Attr("enabled")
	if v, known := a.Bool(); known && !v {
		p.ReportAttr(r, a, "%s", off)
	}
}
