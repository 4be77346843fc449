package checks

import (
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// LBHTTPListener flags load balancer listeners that serve plain HTTP instead
// of redirecting it to HTTPS.
//
// Facts (verified 2026-12-02):
//   - An Application Load Balancer listener serves HTTP or HTTPS; a listener
//     with no protocol on an application load balancer is HTTP (provider
//     source, elbv2/listener.go). Network Load Balancer listeners speak TCP,
//     TLS, UDP or TCP_UDP and Gateway Load Balancer listeners GENEVE: neither
//     is HTTP, so neither is judged here.
//   - A redirect action keeps the request's protocol unless it sets
//     protocol = "HTTPS": the provider defaults redirect.protocol to
//     "#{protocol}" (provider docs and source, aws_lb_listener).
//   - A fixed-response action answers without reaching any target, so an
//     HTTP listener whose default action is a fixed response carries no
//     application data; but listener rules attached to it
//     (aws_lb_listener_rule) can still forward requests over HTTP, and those
//     are reported at the rule.
var LBHTTPListener = &analyzer.Check{
	ID:        "lb-http-listener",
	Title:     "Load balancer listener serves plain HTTP",
	Severity:  analyzer.High,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_lb_listener", "aws_alb_listener", "aws_lb_listener_rule", "aws_alb_listener_rule"},
	Boundary:  "AWS terminates TLS on the load balancer with the certificate and policy you choose; whether clients are made to use it is set by your listeners.",
	Fix:       "Make the HTTP listener's default action a redirect with protocol = \"HTTPS\" (status_code HTTP_301) and serve the application on an HTTPS listener.",
	Run:       runLBHTTPListener,
}

func init() { register(LBHTTPListener) }

func runLBHTTPListener(p *analyzer.Pass) {
	for _, l := range p.Resources(listenerTypes...) {
		proto, ok := listenerProtocol(p, l)
		if !ok || proto != "HTTP" {
			continue
		}
		checkHTTPActions(p, l, l.Body.BlocksOf("default_action"), l.Body.HasUnknownBlocks("default_action"), true)
		for _, rule := range listenerRules(p, l) {
			checkHTTPActions(p, rule, rule.Body.BlocksOf("action"), rule.Body.HasUnknownBlocks("action"), false)
		}
	}
}

// checkHTTPActions judges the actions of an HTTP listener (its default
// actions) or of one of its rules: a forward sends the request on in plain
// text, a redirect that does not switch to HTTPS keeps it in plain text.
func checkHTTPActions(p *analyzer.Pass, r *analyzer.Resource, actions []*analyzer.Block, unknown, isListener bool) {
	if unknown {
		return
	}
	for _, act := range actions {
		t, ok := act.Attr("type").String()
		if !ok {
			continue
		}
		switch strings.ToLower(t) {
		case "forward":
			if isListener {
				p.ReportAt(r, "protocol", "this listener accepts plain HTTP and forwards it to its targets: requests, cookies and credentials cross the network unencrypted, and AWS only encrypts what reaches an HTTPS listener; redirect HTTP to HTTPS instead")
			} else {
				p.ReportBlock(r, act, "this rule forwards requests that arrived on a plain-HTTP listener: requests, cookies and credentials cross the network unencrypted; redirect to HTTPS, or move the rule to the HTTPS listener")
			}
		case "redirect":
			rd := act.FirstBlock("redirect")
			if rd == nil {
				continue
			}
			to, ok := rd.StringOr("protocol", "#{protocol}")
			if !ok || strings.EqualFold(to, "HTTPS") {
				continue
			}
			what := "keeps the request on HTTP: redirect.protocol defaults to #{protocol}, the protocol the client used"
			if a := rd.Attr("protocol"); a != nil {
				what = "sends the client to plain HTTP"
				p.ReportAttr(r, a, "this redirect on a plain-HTTP listener %s; set protocol = \"HTTPS\"", what)
				continue
			}
			p.ReportBlock(r, rd, "this redirect on a plain-HTTP listener %s; set protocol = \"HTTPS\"", what)
		}
	}
}
