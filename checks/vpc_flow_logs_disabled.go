package checks

import "github.com/onus-sec/onus/analyzer"

// VPCFlowLogsDisabled flags VPCs that no aws_flow_log captures.
//
// A flow log covers a VPC when its vpc_id is derived from the VPC (directly,
// through a local, or through a module input or output). Flow logs attached
// to a subnet, an interface or a transit gateway do not cover the whole VPC
// (verified 2026-12-02, Terraform AWS provider docs, aws_flow_log: one of
// eni_id, subnet_id, transit_gateway_id, transit_gateway_attachment_id or
// vpc_id names what is captured).
var VPCFlowLogsDisabled = &analyzer.Check{
	ID:        "vpc-flow-logs-disabled",
	Title:     "VPC has no flow log",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.Logging,
	Resources: []string{"aws_vpc", "aws_flow_log"},
	Boundary:  "AWS can record every accepted and rejected connection in a VPC, but only once you create a flow log for it.",
	Fix:       "Add an aws_flow_log with vpc_id set to the VPC, delivering to CloudWatch Logs, S3 or Firehose.",
	Run:       runVPCFlowLogsDisabled,
}

func init() { register(VPCFlowLogsDisabled) }

func runVPCFlowLogsDisabled(p *analyzer.Pass) {
	flowLogs := p.Resources("aws_flow_log")
	// A flow log whose vpc_id is unknown and not derived from any resource
	// (a variable without a value) could capture any VPC: every VPC's
	// control is then unknown.
	for _, fl := range flowLogs {
		if a := fl.Attr("vpc_id"); a != nil && !a.Value.IsWhollyKnown() && len(a.Refs) == 0 {
			for _, vpc := range p.Resources("aws_vpc") {
				p.NoteUnknown(vpc, "vpc_id of "+fl.Address)
			}
			return
		}
	}
	for _, vpc := range p.Resources("aws_vpc") {
		if coveredByFlowLog(vpc, flowLogs) {
			if why := coverageOpen(vpc, flowLogs); why != "" {
				p.NoteUnknown(vpc, why)
			}
			continue
		}
		p.ReportMissing(vpc, "aws_flow_log",
			"no aws_flow_log captures this VPC: AWS records no traffic metadata until you ask, so connections to and from it leave no trace; add a flow log with vpc_id = %s.id",
			vpc.Address)
	}
}

// coveredByFlowLog reports whether one of the flow logs names the VPC in its
// vpc_id, or might (a flow log of unknown count still counts).
func coveredByFlowLog(vpc *analyzer.Resource, flowLogs []*analyzer.Resource) bool {
	for _, fl := range flowLogs {
		a := fl.Attr("vpc_id")
		if a == nil {
			continue
		}
		for _, ref := range a.Refs {
			if ref.Address == vpc.Address || (vpc.KeyUnknown && ref.Address == resourceBase(vpc)) {
				return true
			}
		}
	}
	return false
}

// resourceBase is a resource's address without its instance key, which is
// how references to a resource of unknown count or for_each are recorded.
func resourceBase(r *analyzer.Resource) string {
	if r.Module != nil && r.Module.Path != "" {
		return r.Module.Path + "." + r.Type + "." + r.Name
	}
	return r.Type + "." + r.Name
}

// coverageOpen names what leaves a covered VPC's control open, or returns
// "": coverage is certain when a flow log of known count names this very
// instance.
func coverageOpen(vpc *analyzer.Resource, flowLogs []*analyzer.Resource) string {
	var why string
	for _, fl := range flowLogs {
		a := fl.Attr("vpc_id")
		if a == nil {
			continue
		}
		for _, ref := range a.Refs {
			switch {
			case ref.Address == vpc.Address && !fl.KeyUnknown:
				return ""
			case ref.Address == vpc.Address:
				why = "count or for_each of " + fl.Address
			case vpc.KeyUnknown && ref.Address == resourceBase(vpc):
				why = "which instance of " + resourceBase(vpc) + " " + fl.Address + " captures"
			}
		}
	}
	return why
}
