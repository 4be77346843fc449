package analyzer

import (
	"github.com/hashicorp/hcl/v2"
)

// ProviderAddress returns the address Terraform gives a provider
// configuration block of module m: `provider.aws`, `provider.aws.west` for an
// aliased one, prefixed by the module path in a child module
// (`module.net.provider.aws`). An alias that is not a known string is left
// out.
func ProviderAddress(m *Module, b *Block) string {
	name := "provider"
	if b != nil && len(b.Labels) > 0 {
		name += "." + b.Labels[0]
	}
	if alias, ok := b.Attr("alias").String(); ok && alias != "" {
		name += "." + alias
	}
	if m != nil && m.Path != "" {
		return m.Path + "." + name
	}
	return name
}

// ReportProvider reports a problem in a provider configuration block of
// module m: at the argument a (which may be nested), or at the block header
// when a is nil. The finding's resource is the provider's address, so that
// it has a fingerprint and can be silenced by an ignore comment above the
// provider block like any resource finding.
func (p *Pass) ReportProvider(m *Module, b *Block, a *Attribute, format string, args ...any) {
	p.ReportConfig(ProviderAddress(m, b), b, a, format, args...)
}

// ReportConfig reports a problem in a configuration block that is not a
// resource, such as a provider block or the backend block of a terraform
// block. address names the block for the fingerprint (`provider.aws`,
// `terraform.backend.s3`); owner is the top-level block whose header an
// ignore comment may stand above; a is the offending argument, or nil to
// point at owner's header.
func (p *Pass) ReportConfig(address string, owner *Block, a *Attribute, format string, args ...any) {
	var header hcl.Range
	if owner != nil {
		header = owner.DefRange
	}
	rng, path := header, ""
	if a != nil {
		rng, path = a.Range, a.Name
		if a.Path != "" {
			path = a.Path
		}
	}
	p.report(address, header, rng, path, format, args...)
}
