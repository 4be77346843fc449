package checks

import "github.com/onus-sec/onus/analyzer"

// LBOutdatedTLSPolicy flags HTTPS and TLS listeners whose security policy
// accepts TLS 1.0 or 1.1.
//
// The policy table and the default are in loadbalancer.go: a listener
// created without ssl_policy through the API (and so through Terraform)
// gets ELBSecurityPolicy-2016-08, which accepts TLS 1.0 (ELB User Guides,
// verified 2026-12-02), so a missing ssl_policy is reported at the listener
// header.
var LBOutdatedTLSPolicy = &analyzer.Check{
	ID:        "lb-outdated-tls-policy",
	Title:     "Load balancer listener accepts TLS older than 1.2",
	Severity:  analyzer.High,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_lb_listener", "aws_alb_listener"},
	Boundary:  "AWS maintains the TLS implementation and the predefined security policies; which policy, and so which protocol versions, your listener accepts is yours to choose.",
	Fix:       "Set ssl_policy to a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09 (AWS's current recommendation) or ELBSecurityPolicy-TLS13-1-2-2021-06.",
	Run:       runLBOutdatedTLSPolicy,
}

func init() { register(LBOutdatedTLSPolicy) }

func runLBOutdatedTLSPolicy(p *analyzer.Pass) {
	for _, l := range p.Resources(listenerTypes...) {
		proto, ok := listenerProtocol(p, l)
		if !ok || (proto != "HTTPS" && proto != "TLS") {
			continue
		}
		a := l.Attr("ssl_policy")
		if a == nil {
			p.ReportMissing(l, "ssl_policy",
				"this %s listener sets no ssl_policy, so AWS applies its API default %s, which accepts TLS 1.0 and 1.1 (only the console picks a TLS 1.3 policy); set ssl_policy to a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06",
				proto, elbDefaultSSLPolicy)
			continue
		}
		name, ok := a.String()
		if !ok {
			continue
		}
		if v, known := elbPolicyMinTLSVersion(name); known && v < "1.2" {
			p.ReportAttr(l, a,
				"%s accepts TLS %s: clients that offer nothing newer, and attackers who force a downgrade, get a protocol version with known weaknesses; choose a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06",
				name, v)
		}
	}
}
