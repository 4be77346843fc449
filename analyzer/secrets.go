package analyzer

import "strings"

// MaskSecret shows the first characters of a secret and hides the rest
// behind ****, so that a report can say which value it means without
// repeating it: at most four characters, and never more than half of a short
// secret.
func MaskSecret(s string) string {
	r := []rune(s)
	n := len(r) / 2
	if n > 4 {
		n = 4
	}
	return string(r[:n]) + "****"
}

// MaskSnippet replaces every occurrence of secret in a source line with its
// masked form. Printers show the line a finding starts on; when the secret
// was written on that line, the snippet must not repeat it.
func MaskSnippet(line, secret string) string {
	if secret == "" || !strings.Contains(line, secret) {
		return line
	}
	return strings.ReplaceAll(line, secret, MaskSecret(secret))
}

// MaskLast records that the finding the check reported last is about
// secret: the runner masks it in the finding's source line.
func (p *Pass) MaskLast(secret string) {
	if n := len(p.findings); n > 0 && secret != "" {
		p.findings[n-1].Secret = secret
	}
}
