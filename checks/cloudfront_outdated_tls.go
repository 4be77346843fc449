package checks

import "github.com/onus-sec/onus/analyzer"

// CloudFrontOutdatedTLS flags distributions whose viewer security policy is
// older than TLSv1.2_2021.
//
// Facts (verified 2026-12-02):
//   - With cloudfront_default_certificate = true (the *.cloudfront.net
//     name), CloudFront sets the security policy to TLSv1 whatever
//     minimum_protocol_version says (CloudFront API, ViewerCertificate
//     MinimumProtocolVersion; the provider docs say TLSv1 must then be
//     specified).
//   - With a custom certificate (acm_certificate_arn or iam_certificate_id)
//     the provider defaults minimum_protocol_version to TLSv1 (provider docs,
//     aws_cloudfront_distribution viewer_certificate).
//   - The policies and what they accept come from the CloudFront Developer
//     Guide, "Supported protocols and ciphers between viewers and
//     CloudFront": SSLv3 accepts SSLv3; TLSv1 and TLSv1_2016 accept TLS 1.0;
//     TLSv1.1_2016 TLS 1.1; TLSv1.2_2018 and TLSv1.2_2019 require TLS 1.2 but
//     still offer CBC-mode ciphers (such as ECDHE-RSA-AES128-SHA256) that
//     TLSv1.2_2021 drops; TLSv1.2_2021, TLSv1.2_2025 and TLSv1.3_2025 are the
//     current ones. An unlisted name is not judged.
var CloudFrontOutdatedTLS = &analyzer.Check{
	ID:        "cloudfront-outdated-tls",
	Title:     "CloudFront distribution accepts outdated TLS from viewers",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_cloudfront_distribution"},
	Boundary:  "AWS runs CloudFront's TLS and publishes its security policies; which policy your distribution uses, and the certificate that allows choosing one, are yours.",
	Fix:       "Serve the distribution under your own domain with an ACM certificate (in us-east-1), ssl_support_method = \"sni-only\" and minimum_protocol_version = \"TLSv1.2_2021\" or newer.",
	Run:       runCloudFrontOutdatedTLS,
}

func init() { register(CloudFrontOutdatedTLS) }

// cloudFrontOldPolicies maps the security policies older than TLSv1.2_2021
// to what makes them weaker.
var cloudFrontOldPolicies = map[string]string{
	"SSLv3":        "accepts SSLv3 and TLS 1.0",
	"TLSv1":        "accepts TLS 1.0",
	"TLSv1_2016":   "accepts TLS 1.0",
	"TLSv1.1_2016": "accepts TLS 1.1",
	"TLSv1.2_2018": "requires TLS 1.2 but still offers CBC-mode ciphers that TLSv1.2_2021 drops",
	"TLSv1.2_2019": "requires TLS 1.2 but still offers CBC-mode ciphers that TLSv1.2_2021 drops",
}

func runCloudFrontOutdatedTLS(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_cloudfront_distribution") {
		vc := r.Body.FirstBlock("viewer_certificate")
		if vc == nil || vc.Unknown {
			continue
		}
		if a := vc.Attr("cloudfront_default_certificate"); a != nil {
			if v, ok := a.Bool(); ok && v {
				p.ReportAttr(r, a, "the default *.cloudfront.net certificate makes CloudFront use the TLSv1 security policy whatever minimum_protocol_version says, so viewers can connect with TLS 1.0; serve the distribution under your own domain with an ACM certificate and minimum_protocol_version = \"TLSv1.2_2021\" or newer")
				continue
			}
		}
		if vc.Attr("acm_certificate_arn") == nil && vc.Attr("iam_certificate_id") == nil {
			continue
		}
		policy, ok := vc.StringOr("minimum_protocol_version", "TLSv1")
		if !ok {
			continue
		}
		why, old := cloudFrontOldPolicies[policy]
		if !old {
			continue
		}
		if a := vc.Attr("minimum_protocol_version"); a != nil {
			p.ReportAttr(r, a, "security policy %s %s; set minimum_protocol_version = \"TLSv1.2_2021\" or newer", policy, why)
			continue
		}
		p.ReportBlock(r, vc, "minimum_protocol_version is not set and the provider defaults it to TLSv1, which accepts TLS 1.0; set minimum_protocol_version = \"TLSv1.2_2021\" or newer")
	}
}
