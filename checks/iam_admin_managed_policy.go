package checks

import (
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/onus-sec/onus/analyzer"
)

// IAMAdminManagedPolicy flags attachments of the AWS managed
// AdministratorAccess and IAMFullAccess policies.
var IAMAdminManagedPolicy = &analyzer.Check{
	ID:       "iam-admin-managed-policy",
	Title:    "AWS managed administrator policy attached",
	Severity: analyzer.High,
	Side:     analyzer.Customer,
	Category: analyzer.IAM,
	Resources: []string{
		"aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment",
		"aws_iam_policy_attachment", "aws_iam_role", "aws_iam_role_policy_attachments_exclusive",
		"aws_iam_user_policy_attachments_exclusive", "aws_iam_group_policy_attachments_exclusive",
		"aws_ssoadmin_managed_policy_attachment",
	},
	Boundary: "AWS writes and maintains AdministratorAccess and IAMFullAccess; attaching them, and so handing out full control of the account or of IAM, is your decision.",
	Fix:      "Attach a policy scoped to the job (an AWS managed job-function policy or your own); keep administrator access for a few break-glass roles guarded by MFA.",
	Run:      runIAMAdminManagedPolicy,
}

func init() { register(IAMAdminManagedPolicy) }

// managedPolicyArguments lists the arguments that attach managed policies by
// ARN (AWS provider v5). The *_attachments_exclusive resources and
// managed_policy_arns take lists.
var managedPolicyArguments = []struct{ Type, Name string }{
	{"aws_iam_role_policy_attachment", "policy_arn"},
	{"aws_iam_user_policy_attachment", "policy_arn"},
	{"aws_iam_group_policy_attachment", "policy_arn"},
	{"aws_iam_policy_attachment", "policy_arn"},
	{"aws_ssoadmin_managed_policy_attachment", "managed_policy_arn"},
	{"aws_iam_role", "managed_policy_arns"},
	{"aws_iam_role_policy_attachments_exclusive", "policy_arns"},
	{"aws_iam_user_policy_attachments_exclusive", "policy_arns"},
	{"aws_iam_group_policy_attachments_exclusive", "policy_arns"},
}

// adminManagedPolicyRE matches the ARNs of the AWS managed policies that give
// full control of the account (AdministratorAccess) or of IAM, which is one
// step from it (IAMFullAccess), in every partition: aws, aws-cn, aws-us-gov
// and the isolated ones. AWS managed policies live in the account "aws".
var adminManagedPolicyRE = regexp.MustCompile(`^arn:aws[a-z-]*:iam::aws:policy/(AdministratorAccess|IAMFullAccess)$`)

// adminManagedPolicy returns the name of the administrator policy an ARN
// names, or "".
func adminManagedPolicy(arn string) string {
	m := adminManagedPolicyRE.FindStringSubmatch(strings.TrimSpace(arn))
	if m == nil {
		return ""
	}
	return m[1]
}

func runIAMAdminManagedPolicy(p *analyzer.Pass) {
	for _, ma := range managedPolicyArguments {
		for _, r := range p.Resources(ma.Type) {
			a := r.Attr(ma.Name)
			if a == nil {
				continue
			}
			hits := adminPolicyARNs(p, a)
			for _, hit := range hits {
				p.ReportRange(r, hit.rng, a.Path, "Attaches the AWS managed %s policy: AWS maintains it, but it grants %s; attach a policy scoped to the job", hit.name, adminPolicyMeaning(hit.name))
			}
			if len(hits) == 0 && !policyARNsResolved(p, a) {
				p.NoteUnknown(r, ma.Name)
			}
		}
	}
}

func adminPolicyMeaning(name string) string {
	if name == "IAMFullAccess" {
		return "full control of IAM, enough to grant itself anything"
	}
	return "every action on every resource"
}

type adminPolicyHit struct {
	name string
	rng  hcl.Range
}

// adminPolicyARNs returns the administrator policies an argument attaches:
// known ARNs (each at its list element when written literally), an ARN whose
// only unknown part is the partition
// ("arn:${data.aws_partition.current.partition}:iam::aws:policy/..."), and
// the ARN of a data "aws_iam_policy" looked up by a known name or ARN.
func adminPolicyARNs(p *analyzer.Pass, a *analyzer.Attribute) []adminPolicyHit {
	var out []adminPolicyHit
	items, _ := analyzer.StringsValue(a.Value)
	literal := &literalRanges{attr: a}
	for _, s := range items {
		if name := adminManagedPolicy(s); name != "" {
			rng := a.Range
			if r, ok := literal.get(s); ok {
				rng = r
			}
			out = append(out, adminPolicyHit{name, rng})
		}
	}
	if a.Value.IsWhollyKnown() {
		return out
	}
	expr := a.Expr()
	exprs := []hcl.Expression{expr}
	if t := listElementExprs(expr, len(analyzer.Elements(a.Value))); t != nil {
		exprs = t
	}
	if onlyPartitionRefs(a.Refs) {
		for _, e := range exprs {
			if name := partitionTemplateAdminPolicy(e); name != "" {
				// A list element is pointed at; a single ARN at its
				// argument, as when its value is known (a plan scan).
				rng := e.Range()
				if e == expr {
					rng = a.Range
				}
				out = append(out, adminPolicyHit{name, rng})
			}
		}
	}
	if name := dataPolicyAdmin(p, a, len(exprs)); name != "" {
		out = append(out, adminPolicyHit{name, a.Range})
	}
	return out
}

// onlyPartitionRefs reports whether every resource the value came from is a
// data "aws_partition", whose value changes only the partition of an ARN.
func onlyPartitionRefs(refs []analyzer.Ref) bool {
	if len(refs) == 0 {
		return false
	}
	for _, r := range refs {
		if !strings.Contains(r.Address, "data.aws_partition.") {
			return false
		}
	}
	return true
}

// partitionTemplateAdminPolicy reads an ARN template whose interpolations
// fill in the partition only.
func partitionTemplateAdminPolicy(e hcl.Expression) string {
	tmpl, ok := unwrapTemplate(e)
	if !ok {
		return ""
	}
	text, _ := templateText(tmpl)
	if strings.Count(text, string(unknownMark)) != 1 || !strings.HasPrefix(text, "arn:"+string(unknownMark)+":") {
		return ""
	}
	return adminManagedPolicy(strings.Replace(text, string(unknownMark), "aws", 1))
}

// dataPolicyAdmin follows an argument that holds the arn of one
// data "aws_iam_policy" (and nothing else unknown) to that data source's
// known arn or name.
func dataPolicyAdmin(p *analyzer.Pass, a *analyzer.Attribute, elems int) string {
	if elems != 1 || len(a.Refs) != 1 {
		return ""
	}
	ref := a.Refs[0]
	if ref.Attr != "arn" || !strings.Contains(ref.Address, "data.aws_iam_policy.") {
		return ""
	}
	d := p.Lookup(ref.Address)
	if d == nil || d.Mode != analyzer.Data {
		return ""
	}
	if arn, ok := quietString(d.Attr("arn")); ok {
		return adminManagedPolicy(arn)
	}
	// Looked up by the name of an AWS managed administrator policy (and no
	// path prefix that could select a customer policy instead).
	if name, ok := quietString(d.Attr("name")); ok && d.Attr("path_prefix") == nil {
		if name == "AdministratorAccess" || name == "IAMFullAccess" {
			return name
		}
	}
	return ""
}

// policyARNsResolved reports whether every policy an argument attaches is
// known not to be an administrator policy, when adminPolicyARNs found none:
// the ARNs are known, or derived only from policies the configuration
// creates (a customer policy is never an AWS managed one), or only their
// partition is unknown, or they are the arn of a data "aws_iam_policy"
// looked up by a known ARN or name.
func policyARNsResolved(p *analyzer.Pass, a *analyzer.Attribute) bool {
	if a.Value.IsWhollyKnown() {
		return true
	}
	if len(a.Refs) == 0 {
		return false
	}
	customer := true
	for _, ref := range a.Refs {
		if resourceTypeOfAddress(ref.Address) != "aws_iam_policy" {
			customer = false
		}
	}
	if customer {
		return true
	}
	expr := a.Expr()
	exprs := []hcl.Expression{expr}
	if t := listElementExprs(expr, len(analyzer.Elements(a.Value))); t != nil {
		exprs = t
	}
	if onlyPartitionRefs(a.Refs) {
		for _, e := range exprs {
			if !partitionTemplateKnown(e) {
				return false
			}
		}
		return true
	}
	if len(exprs) == 1 && len(a.Refs) == 1 && a.Refs[0].Attr == "arn" && strings.Contains(a.Refs[0].Address, "data.aws_iam_policy.") {
		if d := p.Lookup(a.Refs[0].Address); d != nil {
			_, arnKnown := quietString(d.Attr("arn"))
			_, nameKnown := quietString(d.Attr("name"))
			return arnKnown || nameKnown && d.Attr("path_prefix") == nil
		}
	}
	return false
}

// partitionTemplateKnown reports whether an ARN template's only unknown part
// is its partition, so the policy it names is known.
func partitionTemplateKnown(e hcl.Expression) bool {
	tmpl, ok := unwrapTemplate(e)
	if !ok {
		return false
	}
	text, _ := templateText(tmpl)
	return strings.Count(text, string(unknownMark)) == 1 && strings.HasPrefix(text, "arn:"+string(unknownMark)+":")
}
