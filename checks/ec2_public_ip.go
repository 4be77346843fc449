package checks

import "github.com/onus-sec/onus/analyzer"

// EC2PublicIP flags instances, launch templates and subnets that hand out
// public IPv4 addresses.
//
// Facts behind the defaults (verified 2026-12-02):
//   - aws_subnet map_public_ip_on_launch defaults to false (Terraform AWS
//     provider docs).
//   - aws_default_subnet map_public_ip_on_launch defaults to true (provider
//     source, vpc_default_subnet.go: "map_public_ip_on_launch has a Default
//     of true"), matching AWS: instances launched into a default subnet get
//     a public IPv4 address (Amazon VPC User Guide, "Default subnets").
//   - aws_instance associate_public_ip_address has no default: unset, the
//     subnet's setting applies, so the subnet is where that is judged.
//   - aws_launch_template network_interfaces.associate_public_ip_address is a
//     string holding a boolean ("true"/"false"); unset leaves it to the
//     subnet as well.
var EC2PublicIP = &analyzer.Check{
	ID:       "ec2-public-ip",
	Title:    "Instance or subnet assigns public IP addresses",
	Severity: analyzer.Low,
	Side:     analyzer.Customer,
	Category: analyzer.Network,
	Resources: []string{
		"aws_instance", "aws_spot_instance_request", "aws_launch_template",
		"aws_launch_configuration", "aws_subnet", "aws_default_subnet",
	},
	Boundary: "AWS routes Internet traffic to any instance with a public address in a subnet with an Internet gateway; whether instances get one is set by you.",
	Fix:      "Launch into private subnets without public addresses; reach instances through a load balancer, NAT gateway or Session Manager.",
	Run:      runEC2PublicIP,
}

func init() { register(EC2PublicIP) }

func runEC2PublicIP(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_instance", "aws_spot_instance_request", "aws_launch_configuration") {
		a := r.Attr("associate_public_ip_address")
		if v, ok := a.Bool(); !ok || !v {
			continue
		}
		who := "the instance gets"
		if r.Type == "aws_launch_configuration" {
			who = "every instance launched from this configuration gets"
		}
		p.ReportAttr(r, a, "%s a public IPv4 address: it is reachable from the Internet wherever security groups allow; launch without one and reach it through a load balancer or Session Manager", who)
	}
	for _, r := range p.Resources("aws_launch_template") {
		// Interfaces from a dynamic block over an unknown collection may
		// ask for a public address (recorded as an unknown read).
		r.Body.HasUnknownBlocks("network_interfaces")
		for _, ni := range r.Body.BlocksOf("network_interfaces") {
			a := ni.Attr("associate_public_ip_address")
			if v, ok := a.Bool(); ok && v {
				p.ReportAttr(r, a, "launch template gives every instance it launches a public IPv4 address: they are reachable from the Internet wherever their security groups allow; set it to \"false\"")
			}
		}
	}
	for _, r := range p.Resources("aws_subnet") {
		a := r.Attr("map_public_ip_on_launch")
		if v, ok := a.Bool(); ok && v {
			p.ReportAttr(r, a, "every instance launched into this subnet gets a public IPv4 address unless it opts out; keep workloads in subnets with map_public_ip_on_launch = false")
		}
	}
	for _, r := range p.Resources("aws_default_subnet") {
		v, ok := r.BoolOr("map_public_ip_on_launch", true)
		if !ok || !v {
			continue
		}
		p.ReportAt(r, "map_public_ip_on_launch",
			"a default subnet gives every instance launched into it a public IPv4 address (AWS and the provider default to true); set map_public_ip_on_launch = false")
	}
}
