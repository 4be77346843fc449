package checks

import (
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// LBAccessLogsDisabled flags Application and Network Load Balancers that
// keep no access logs.
//
// Facts (verified 2026-12-02):
//   - load_balancer_type defaults to "application"; access_logs.enabled
//     "Defaults to false, even when bucket is specified" (Terraform AWS
//     provider docs, aws_lb).
//   - Access logging is off by default on every ELB type (ELB User Guides,
//     "Access logs").
//   - A Network Load Balancer writes access logs only for its TLS listeners
//     ("Access logs are created only if the load balancer has a TLS
//     listener", NLB User Guide): an NLB is judged only when the
//     configuration gives it a TLS listener, since otherwise the logs would
//     stay empty.
//   - Gateway Load Balancers have no access logs and are never judged.
//   - Access logs can also be delivered through CloudWatch Logs vended-log
//     delivery (log type ALB_ACCESS_LOGS, CloudWatch observability admin
//     API, LogDeliveryParameters; the NLB User Guide points to CloudWatch
//     Logs as the newer option): an aws_cloudwatch_log_delivery_source
//     pointing at the load balancer with a log type ending in ACCESS_LOGS
//     counts as access logging.
var LBAccessLogsDisabled = &analyzer.Check{
	ID:        "lb-access-logs-disabled",
	Title:     "Load balancer access logs are off",
	Severity:  analyzer.Low,
	Side:      analyzer.Customer,
	Category:  analyzer.Logging,
	Resources: []string{"aws_lb", "aws_alb"},
	Boundary:  "AWS can record every request your load balancer handles and deliver the logs to your bucket; turning that on, and keeping the logs, are yours.",
	Fix:       "Add access_logs { bucket = <log bucket>, enabled = true } (the bucket policy must let ELB log delivery write to it).",
	Run:       runLBAccessLogsDisabled,
}

func init() { register(LBAccessLogsDisabled) }

func runLBAccessLogsDisabled(p *analyzer.Pass) {
	for _, lb := range p.Resources(lbTypes...) {
		typ, ok := lbType(lb)
		if !ok {
			continue
		}
		switch typ {
		case "application":
		case "network":
			if !hasTLSListener(p, lb) {
				continue
			}
		default:
			continue
		}
		if lb.Body.HasUnknownBlocks("access_logs") || hasVendedAccessLogs(p, lb) {
			continue
		}
		logs := lb.Body.FirstBlock("access_logs")
		if logs == nil {
			p.ReportMissing(lb, "access_logs", "no access_logs block: access logging is off by default, so the requests this %s load balancer handles (clients, paths, TLS versions, errors) leave no record to investigate; add access_logs with enabled = true", typ)
			continue
		}
		enabled, ok := logs.BoolOr("enabled", false)
		if !ok || enabled {
			continue
		}
		if a := logs.Attr("enabled"); a != nil {
			p.ReportAttr(lb, a, "access_logs.enabled = false: the load balancer keeps no request logs even though a bucket is named; set enabled = true")
			continue
		}
		p.ReportBlock(lb, logs, "access_logs names a bucket but does not set enabled, which defaults to false even when bucket is set: no request logs are written; set enabled = true")
	}
}

// hasTLSListener reports whether the configuration gives a load balancer a
// listener known to use TLS.
func hasTLSListener(p *analyzer.Pass, lb *analyzer.Resource) bool {
	for _, l := range loadBalancerListeners(p, lb) {
		if proto, ok := listenerProtocol(p, l); ok && proto == "TLS" {
			return true
		}
	}
	return false
}

// hasVendedAccessLogs reports whether a CloudWatch Logs delivery source of
// an access-log type points at the load balancer.
func hasVendedAccessLogs(p *analyzer.Pass, lb *analyzer.Resource) bool {
	for _, src := range p.ReferrersOf(lb, "aws_cloudwatch_log_delivery_source") {
		t, ok := src.Attr("log_type").String()
		if !ok || strings.HasSuffix(strings.ToUpper(t), "ACCESS_LOGS") {
			// An unknown log type may be the access logs: not judged.
			return true
		}
	}
	return false
}
