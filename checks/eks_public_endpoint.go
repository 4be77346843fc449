package checks

import "github.com/onus-sec/onus/analyzer"

// EKSPublicEndpoint flags EKS clusters whose Kubernetes API endpoint is open
// to the whole Internet.
//
// vpc_config.endpoint_public_access defaults to true, and with no
// public_access_cidrs EKS allows 0.0.0.0/0 (verified 2026-12-02, Terraform
// AWS provider docs, aws_eks_cluster vpc_config: "Default is true"; "EKS
// defaults this to a list with 0.0.0.0/0").
var EKSPublicEndpoint = &analyzer.Check{
	ID:        "eks-public-endpoint",
	Title:     "EKS API endpoint is open to the Internet",
	Severity:  analyzer.High,
	Side:      analyzer.Customer,
	Category:  analyzer.Network,
	Resources: []string{"aws_eks_cluster"},
	Boundary:  "AWS runs and secures the EKS control plane; who can reach its API endpoint is set by you.",
	Fix:       "Set endpoint_public_access = false with endpoint_private_access = true, or limit public_access_cidrs to known networks.",
	Run:       runEKSPublicEndpoint,
}

func init() { register(EKSPublicEndpoint) }

func runEKSPublicEndpoint(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_eks_cluster") {
		vc := r.Body.FirstBlock("vpc_config")
		if vc == nil {
			continue
		}
		if vc.Unknown {
			p.NoteUnknown(r, "vpc_config")
			continue
		}
		public, ok := vc.BoolOr("endpoint_public_access", true)
		if !ok || !public {
			continue
		}
		cidrs := vc.Attr("public_access_cidrs")
		if cidrs == nil {
			if a := vc.Attr("endpoint_public_access"); a != nil {
				p.ReportAttr(r, a, "the Kubernetes API endpoint is public and, with no public_access_cidrs, EKS opens it to 0.0.0.0/0; disable it or list the networks that need it")
			} else {
				p.ReportBlock(r, vc, "the Kubernetes API endpoint is public by default and, with no public_access_cidrs, EKS opens it to 0.0.0.0/0; disable it or list the networks that need it")
			}
			continue
		}
		list, _ := cidrs.Strings()
		if q, world := worldCIDRs(list); world {
			p.ReportAttr(r, cidrs, "the Kubernetes API endpoint is public to %s: anyone can try credentials against it; disable it or list the networks that need it", q)
		}
	}
}
