package checks

import (
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// EC2IMDSv1 flags instances and launch templates that leave IMDSv1 (metadata
// requests without a session token) enabled.
//
// Facts (verified 2026-12-02):
//   - metadata_options.http_tokens takes "optional" (IMDSv1 and IMDSv2) or
//     "required" (IMDSv2 only); http_endpoint = "disabled" turns the
//     metadata service off (Terraform AWS provider docs, aws_instance and
//     aws_launch_template).
//   - When the launch does not set http_tokens, EC2 takes the account
//     default for the region (aws_ec2_instance_metadata_defaults, available
//     since 2024-03-25: AWS What's New, "Set IMDSv2 as default for new
//     instance launches"), else the AMI's ImdsSupport; an AMI registered with
//     ImdsSupport v2.0 launches IMDSv2-only (EC2 User Guide, "Configure
//     instance metadata options for new instances").
//   - Instances launched from the Amazon Linux 2023 AMIs require IMDSv2 by
//     default, their imds-support being v2.0 (Amazon Linux 2023 User Guide,
//     "IMDSv2").
//
// A missing setting is therefore not flagged when the configuration sets the
// account default to "required", when the AMI is known to be Amazon Linux
// 2023 (a data "aws_ami" whose name filter selects al2023-ami-*, or the
// public SSM parameter for it), when an instance takes its settings from a
// launch template (judged there), or when a launch template names no image
// (the AMI, and so its default, is chosen elsewhere, e.g. by EKS).
var EC2IMDSv1 = &analyzer.Check{
	ID:        "ec2-imdsv1",
	Title:     "Instance metadata service accepts IMDSv1",
	Severity:  analyzer.High,
	Side:      analyzer.Customer,
	Category:  analyzer.IAM,
	Resources: []string{"aws_instance", "aws_launch_template", "aws_ec2_instance_metadata_defaults"},
	Boundary:  "AWS offers IMDSv2 session tokens that stop SSRF from reading instance role credentials; requiring them on your instances is yours.",
	Fix:       "Set metadata_options { http_tokens = \"required\" } (or the account default with aws_ec2_instance_metadata_defaults).",
	Run:       runEC2IMDSv1,
}

func init() { register(EC2IMDSv1) }

const (
	msgIMDSMissing  = "metadata_options.http_tokens is not set: EC2 leaves IMDSv1 on unless the AMI or the account default requires tokens, and neither does here, so an SSRF in the instance can read its role credentials; set http_tokens = \"required\""
	msgIMDSOptional = "http_tokens = \"optional\": EC2 answers metadata requests without a session token (IMDSv1), so an SSRF in the instance can read its role credentials; set http_tokens = \"required\""
)

func runEC2IMDSv1(p *analyzer.Pass) {
	accountRequires := imdsAccountDefault(p) != triNo
	for _, r := range p.Resources("aws_instance", "aws_launch_template") {
		if r.Body.HasUnknownBlocks("metadata_options") {
			continue
		}
		mo := r.Body.FirstBlock("metadata_options")
		if endpoint, known := mo.StringOr("http_endpoint", "enabled"); !known || strings.EqualFold(endpoint, "disabled") {
			continue // no metadata service at all
		}
		if tokens := mo.Attr("http_tokens"); tokens != nil {
			if v, known := tokens.String(); known && strings.EqualFold(v, "optional") {
				p.ReportAttr(r, tokens, "%s", msgIMDSOptional)
			}
			continue
		}
		image := "ami"
		if r.Type == "aws_launch_template" {
			image = "image_id"
			if r.Attr(image) == nil {
				continue // the AMI is chosen where the template is used
			}
		} else if len(r.Body.BlocksOf("launch_template")) > 0 {
			continue // the launch template's metadata options apply
		}
		if accountRequires || amiRequiresIMDSv2(p, r.Attr(image)) {
			continue
		}
		if mo != nil {
			p.ReportBlock(r, mo, "%s", msgIMDSMissing)
		} else {
			p.ReportMissing(r, "metadata_options", "%s", msgIMDSMissing)
		}
	}
}

// imdsAccountDefault says whether the configuration sets the account's IMDS
// default to require tokens: yes, no, or maybe (unknown value or count).
func imdsAccountDefault(p *analyzer.Pass) tri {
	out := triNo
	for _, r := range p.Resources("aws_ec2_instance_metadata_defaults") {
		v, known := r.Attr("http_tokens").String()
		t := triNo
		switch {
		case r.Attr("http_tokens") != nil && !known:
			t = triMaybe
		case known && strings.EqualFold(v, "required"):
			t = triYes
			if r.KeyUnknown {
				t = triMaybe
			}
		}
		if t > out {
			out = t
		}
	}
	return out
}

// Owners of the Amazon Linux 2023 AMIs as data "aws_ami" spells them.
var al2023Owners = []string{"amazon", "137112412989"}

// amiRequiresIMDSv2 reports whether an AMI argument is known to select an
// Amazon Linux 2023 image, which launches IMDSv2-only: every reference it is
// built from is a data "aws_ami" whose name filters select al2023-ami-*
// images, or an aws_ssm_parameter data source reading AWS's public AL2023
// image parameter. ECS-optimized images (al2023-ami-ecs-*) are built by ECS,
// not the Amazon Linux team, and are not assumed to carry the same setting.
func amiRequiresIMDSv2(p *analyzer.Pass, a *analyzer.Attribute) bool {
	if a == nil || len(a.Refs) == 0 {
		return false
	}
	for _, ref := range a.Refs {
		d := p.Lookup(ref.Address)
		if d == nil || d.Mode != analyzer.Data {
			return false
		}
		switch d.Type {
		case "aws_ami":
			if !al2023AMIFilter(d) {
				return false
			}
		case "aws_ssm_parameter":
			name, known := d.Attr("name").String()
			if !known || !strings.HasPrefix(name, "/aws/service/ami-amazon-linux-latest/al2023-ami-") {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// al2023AMIFilter reports whether a data "aws_ami" can only select Amazon
// Linux 2023 images: a name filter whose every value is an al2023-ami-*
// pattern, or a name_regex anchored on such a name, and owners, when given,
// that include Amazon.
func al2023AMIFilter(d *analyzer.Resource) bool {
	if owners, all := d.Attr("owners").Strings(); d.Attr("owners") != nil {
		if !all || !anyOf(owners, al2023Owners) {
			return false
		}
	}
	if d.Body.HasUnknownBlocks("filter") {
		return false
	}
	for _, f := range d.Body.BlocksOf("filter") {
		if name, known := f.Attr("name").String(); !known || name != "name" {
			continue
		}
		values, all := f.Attr("values").Strings()
		if !all || len(values) == 0 {
			return false
		}
		for _, v := range values {
			if !strings.HasPrefix(v, "al2023-ami-") || strings.HasPrefix(v, "al2023-ami-ecs-") {
				return false
			}
		}
		return true
	}
	// name_regex is applied to the names the filters return (AWS provider
	// docs, data source aws_ami, v5, checked 2026-12): one anchored on an
	// AL2023 name selects AL2023 images only.
	if re, known := d.Attr("name_regex").String(); known {
		return al2023NameRegex(re)
	}
	return false
}

// al2023NameRegex reports whether a regular expression can only match
// names of Amazon Linux 2023 images other than the ECS-optimized ones: it
// is anchored at the start and its literal prefix goes past "al2023-ami-"
// to something that cannot begin "ecs".
func al2023NameRegex(re string) bool {
	lit, ok := strings.CutPrefix(re, "^")
	if !ok {
		return false
	}
	if i := strings.IndexAny(lit, `\.*+?()[]{}|$^`); i >= 0 {
		lit = lit[:i]
	}
	rest, ok := strings.CutPrefix(lit, "al2023-ami-")
	const ecs = "ecs"
	mayBeECS := strings.HasPrefix(rest, ecs) || len(rest) < len(ecs) && ecs[:len(rest)] == rest
	return ok && rest != "" && !mayBeECS
}

// anyOf reports whether list holds any of want.
func anyOf(list, want []string) bool {
	for _, s := range list {
		for _, w := range want {
			if s == w {
				return true
			}
		}
	}
	return false
}
