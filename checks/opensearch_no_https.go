package checks

import "github.com/onus-sec/onus/analyzer"

// OpenSearchNoHTTPS flags OpenSearch and Elasticsearch domains that accept
// plain HTTP, or HTTPS with TLS 1.0.
//
// Facts (verified 2026-12-02):
//   - Inside domain_endpoint_options, enforce_https defaults to true
//     (Terraform AWS provider docs, aws_opensearch_domain and
//     aws_elasticsearch_domain).
//   - Without a domain_endpoint_options block the provider sends no
//     DomainEndpointOptions at all (provider source, opensearch/domain.go,
//     resourceDomainCreate) and the domain is created accepting both HTTP
//     and HTTPS, the service's behaviour when EnforceHTTPS is not given.
//   - tls_security_policy takes Policy-Min-TLS-1-0-2019-07 (TLS 1.0 to 1.2),
//     Policy-Min-TLS-1-2-2019-07 (TLS 1.2) or Policy-Min-TLS-1-2-PFS-2023-10
//     (TLS 1.2 and 1.3 with forward secrecy) (OpenSearch Service API,
//     DomainEndpointOptions). An unset policy is not judged: the provider
//     does not send one, and the service's choice is not documented.
var OpenSearchNoHTTPS = &analyzer.Check{
	ID:        "opensearch-no-https",
	Title:     "OpenSearch domain accepts plain HTTP",
	Severity:  analyzer.High,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_opensearch_domain", "aws_elasticsearch_domain"},
	Boundary:  "AWS runs the domain's endpoint and offers HTTPS on it; requiring HTTPS, and the TLS versions it accepts, are yours to set.",
	Fix:       "Add domain_endpoint_options { enforce_https = true, tls_security_policy = \"Policy-Min-TLS-1-2-PFS-2023-10\" }.",
	Run:       runOpenSearchNoHTTPS,
}

func init() { register(OpenSearchNoHTTPS) }

func runOpenSearchNoHTTPS(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_opensearch_domain", "aws_elasticsearch_domain") {
		if r.Body.HasUnknownBlocks("domain_endpoint_options") {
			continue
		}
		deo := r.Body.FirstBlock("domain_endpoint_options")
		if deo == nil {
			p.ReportMissing(r, "domain_endpoint_options",
				"no domain_endpoint_options block: the provider sends no endpoint options, so the domain answers plain HTTP as well as HTTPS and queries, documents and credentials can cross the network unencrypted; add domain_endpoint_options with enforce_https = true")
			continue
		}
		enforce, ok := deo.BoolOr("enforce_https", true)
		if !ok {
			continue
		}
		if !enforce {
			p.ReportAttr(r, deo.Attr("enforce_https"),
				"enforce_https = false: the domain answers plain HTTP, so queries, documents and credentials can cross the network unencrypted; set enforce_https = true")
			continue
		}
		if a := deo.Attr("tls_security_policy"); a != nil {
			if v, ok := a.String(); ok && v == "Policy-Min-TLS-1-0-2019-07" {
				p.ReportAttr(r, a, "the domain requires HTTPS but %s accepts TLS 1.0 and 1.1; use Policy-Min-TLS-1-2-PFS-2023-10 or Policy-Min-TLS-1-2-2019-07", v)
			}
		}
	}
}
