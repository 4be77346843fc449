package checks

import (
	"strconv"
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// This file holds what the Elastic Load Balancing checks share: which load
// balancer a listener belongs to, which protocol it serves, and the security
// policies of Application and Network Load Balancers with the oldest TLS
// version each accepts.

// lbTypes and listenerTypes are the resource types of ELBv2 load balancers
// and their listeners; aws_alb and aws_alb_listener are the provider's older
// names for the same resources.
var (
	lbTypes           = []string{"aws_lb", "aws_alb"}
	listenerTypes     = []string{"aws_lb_listener", "aws_alb_listener"}
	listenerRuleTypes = []string{"aws_lb_listener_rule", "aws_alb_listener_rule"}
)

// lbType returns a load balancer's type. The provider defaults
// load_balancer_type to "application" (Terraform AWS provider docs,
// aws_lb; verified 2026-12-02).
func lbType(lb *analyzer.Resource) (string, bool) {
	t, ok := lb.StringOr("load_balancer_type", "application")
	return strings.ToLower(t), ok
}

// listenerLoadBalancer returns the load balancer a listener's
// load_balancer_arn refers to when it is a managed aws_lb or aws_alb of the
// configuration, or nil (an ARN from a variable or a data source).
func listenerLoadBalancer(p *analyzer.Pass, l *analyzer.Resource) *analyzer.Resource {
	for _, ref := range attrRefs(l.Attr("load_balancer_arn")) {
		if lb := p.Lookup(ref.Address); lb != nil && lb.Mode == analyzer.Managed && isOneOf(lb.Type, lbTypes) {
			return lb
		}
	}
	return nil
}

// loadBalancerListeners returns the listeners of the configuration that
// belong to lb.
func loadBalancerListeners(p *analyzer.Pass, lb *analyzer.Resource) []*analyzer.Resource {
	var out []*analyzer.Resource
	for _, l := range p.ReferrersOf(lb, listenerTypes...) {
		if listenerLoadBalancer(p, l) == lb {
			out = append(out, l)
		}
	}
	return out
}

// listenerProtocol returns the protocol a listener serves, upper-case.
//
// The provider accepts the protocol in any case and sends it upper-case;
// when protocol is unset it sends HTTP for an Application Load Balancer and
// nothing otherwise (provider source, internal/service/elbv2/listener.go,
// resourceListenerCreate: "Keep previous default of HTTP for Application
// Load Balancers"; verified 2026-12-02). An unset protocol is therefore HTTP
// only when the load balancer is known to be an application one.
func listenerProtocol(p *analyzer.Pass, l *analyzer.Resource) (string, bool) {
	if a := l.Attr("protocol"); a != nil {
		s, ok := a.String()
		return strings.ToUpper(s), ok
	}
	lb := listenerLoadBalancer(p, l)
	if lb == nil {
		return "", false
	}
	if t, ok := lbType(lb); ok && t == "application" {
		return "HTTP", true
	}
	return "", false
}

// listenerRules returns the listener rules of the configuration attached to
// listener l through their listener_arn.
func listenerRules(p *analyzer.Pass, l *analyzer.Resource) []*analyzer.Resource {
	var out []*analyzer.Resource
	for _, r := range p.ReferrersOf(l, listenerRuleTypes...) {
		for _, ref := range attrRefs(r.Attr("listener_arn")) {
			if ref.Address == l.Address {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// elbDefaultSSLPolicy is the security policy AWS gives an HTTPS or TLS
// listener created without one through the API, the CLI, CloudFormation or
// the CDK — and so through Terraform, whose provider sends ssl_policy only
// when it is set (listener.go, resourceListenerCreate). The console default
// is a TLS 1.3 policy (ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09 for both
// ALB and NLB), but that is not what Terraform gets. (ELB User Guides,
// "Security policies for your Application Load Balancer" and "... Network
// Load Balancer"; verified 2026-12-02.)
const elbDefaultSSLPolicy = "ELBSecurityPolicy-2016-08"

// elbPolicyMinTLS maps every predefined ELBv2 security policy to the oldest
// TLS version it accepts from clients, as the minor version of TLS 1.x (0
// for TLS 1.0, 3 for TLS 1.3).
//
// Sources (verified 2026-12-02): the protocol tables of the ELB User Guides
// ("Security policies for your Application Load Balancer", "... Network
// Load Balancer"): ELBSecurityPolicy-2016-08, -2015-05 (NLB only, identical
// to 2016-08), -TLS-1-0-2015-04 and -FS-2018-06 accept TLS 1.0, 1.1 and 1.2;
// -TLS-1-1-2017-01 and -FS-1-1-2019-08 TLS 1.1 and 1.2; the -TLS-1-2-*,
// -FS-1-2-* policies TLS 1.2 only. The TLS13 policies name their range:
// -TLS13-1-0-* accept TLS 1.0 to 1.3, -TLS13-1-1-* 1.1 to 1.3, -TLS13-1-2-*
// 1.2 and 1.3, -TLS13-1-3-* 1.3 only; the FIPS, PQ (hybrid post-quantum key
// exchange, 2025-09) and RFC9151 variants keep the range of their name.
// A name not in the table (a policy newer than this list) is not judged.
var elbPolicyMinTLS = map[string]int{
	"ELBSecurityPolicy-2016-08":         0,
	"ELBSecurityPolicy-2015-05":         0,
	"ELBSecurityPolicy-TLS-1-0-2015-04": 0,
	"ELBSecurityPolicy-FS-2018-06":      0,

	"ELBSecurityPolicy-TLS13-1-0-2021-06":         0,
	"ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04":    0,
	"ELBSecurityPolicy-TLS13-1-0-PQ-2025-09":      0,
	"ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09": 0,

	"ELBSecurityPolicy-TLS-1-1-2017-01":        1,
	"ELBSecurityPolicy-FS-1-1-2019-08":         1,
	"ELBSecurityPolicy-TLS13-1-1-2021-06":      1,
	"ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04": 1,

	"ELBSecurityPolicy-TLS-1-2-2017-01":                         2,
	"ELBSecurityPolicy-TLS-1-2-Ext-2018-06":                     2,
	"ELBSecurityPolicy-FS-1-2-2019-08":                          2,
	"ELBSecurityPolicy-FS-1-2-Res-2019-08":                      2,
	"ELBSecurityPolicy-FS-1-2-Res-2020-10":                      2,
	"ELBSecurityPolicy-TLS13-1-2-2021-06":                       2,
	"ELBSecurityPolicy-TLS13-1-2-Res-2021-06":                   2,
	"ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06":                  2,
	"ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06":                  2,
	"ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04":                  2,
	"ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04":              2,
	"ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04":             2,
	"ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04":             2,
	"ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04":             2,
	"ELBSecurityPolicy-TLS13-1-2-PQ-2025-09":                    2,
	"ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09":                2,
	"ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09":               2,
	"ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09":               2,
	"ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09":               2,
	"ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09":           2,
	"ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09":          2,
	"ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09":          2,
	"ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09":          2,
	"ELBSecurityPolicy-TLS13-1-2-RFC9151-FIPS-2023-07":          2,
	"ELBSecurityPolicy-TLS13-1-2-Ext0-RFC9151-FIPS-2023-07":     2,
	"ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP1-FIPS-2023-07": 2,
	"ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP2-FIPS-2023-07": 2,
	"ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP3-FIPS-2023-07": 2,
	"ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP4-FIPS-2023-07": 2,

	"ELBSecurityPolicy-TLS13-1-3-2021-06":              3,
	"ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04":         3,
	"ELBSecurityPolicy-TLS13-1-3-PQ-2025-09":           3,
	"ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09":      3,
	"ELBSecurityPolicy-TLS13-1-3-RFC9151-FIPS-2023-07": 3,
}

// elbPolicyMinTLSVersion returns the oldest TLS version a named policy
// accepts, e.g. "1.0", and whether the policy is in the table.
func elbPolicyMinTLSVersion(name string) (string, bool) {
	minor, ok := elbPolicyMinTLS[name]
	if !ok {
		return "", false
	}
	return "1." + strconv.Itoa(minor), true
}

// isOneOf reports whether s is one of set.
func isOneOf(s string, set []string) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}

// attrRefs returns the references an argument's value was derived from, nil
// for an absent argument.
func attrRefs(a *analyzer.Attribute) []analyzer.Ref {
	if a == nil {
		return nil
	}
	return a.Refs
}
