package checks

import (
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/onus-sec/onus/analyzer"
)

// This file holds what the secrets checks share: the shape of an AWS access
// key ID, which names look like they hold a secret, walking every string of a
// value, and reporting without repeating the secret.

// accessKeyIDRE matches an AWS access key ID: AKIA (a
// long-term key of an IAM user or the root user) or ASIA (a temporary key
// from STS) followed by 16 upper-case letters and digits, 20 characters in
// all (IAM User Guide, "Manage access keys for IAM users" and "IAM
// identifiers", unique ID prefixes; verified 2026-12-02). The other prefixes
// of that table (AIDA users, AROA roles, ...) name principals, not
// credentials, and are left alone.
var accessKeyIDRE = regexp.MustCompile(`(?:AKIA|ASIA)[A-Z0-9]{16}`)

// findAccessKeyID returns the first AWS access key ID written in s, leaving
// out the key ID AWS's own documentation uses as an example.
//
// AKIAIOSFODNN7EXAMPLE is the example key ID of the IAM User Guide (its
// secret is wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY; verified 2026-12-02).
// It has the shape of a real key but belongs to no one, and it appears in
// READMEs, tests and placeholder defaults copied from the documentation; AWS
// names all its examples this way, so any key ID ending in EXAMPLE is taken
// for a placeholder. A provider argument set to it is still reported by
// hardcoded-aws-credentials, which flags the literal, not the shape.
func findAccessKeyID(s string) (string, bool) {
	for _, loc := range accessKeyIDRE.FindAllStringIndex(s, -1) {
		// The ID must stand alone: no letter or digit glued to either end.
		if (loc[0] > 0 && isUpperAlnum(s[loc[0]-1])) || (loc[1] < len(s) && isUpperAlnum(s[loc[1]])) {
			continue
		}
		if id := s[loc[0]:loc[1]]; !isExampleAccessKeyID(id) {
			return id, true
		}
	}
	return "", false
}

func isUpperAlnum(c byte) bool { return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }

// isExampleAccessKeyID reports whether a key ID is one of AWS's documented
// placeholders.
func isExampleAccessKeyID(id string) bool { return strings.HasSuffix(id, "EXAMPLE") }

// eachString calls fn for every known string inside v (v itself, list and
// set elements, map and object values, in a stable order) with the path of
// the string below v, such as `["API_KEY"]` or `[0].name`. Unknown and null
// parts are skipped: what onus cannot see it does not judge.
func eachString(v cty.Value, fn func(path, s string)) {
	walkStrings(v, "", fn)
}

func walkStrings(v cty.Value, path string, fn func(path, s string)) {
	// Each level unmarks itself: a deep unmark at every level would copy
	// the value once per level.
	v, _ = v.Unmark()
	if v.IsNull() || !v.IsKnown() {
		return
	}
	t := v.Type()
	switch {
	case t == cty.String:
		fn(path, v.AsString())
	case t.IsListType() || t.IsSetType() || t.IsTupleType():
		i := 0
		for it := v.ElementIterator(); it.Next(); i++ {
			_, ev := it.Element()
			walkStrings(ev, path+"["+strconv.Itoa(i)+"]", fn)
		}
	case t.IsMapType() || t.IsObjectType():
		var keys []string
		vals := map[string]cty.Value{}
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			keys = append(keys, k.AsString())
			vals[k.AsString()] = ev
		}
		sort.Strings(keys)
		for _, k := range keys {
			walkStrings(vals[k], path+"["+quoteKey(k)+"]", fn)
		}
	}
}

func quoteKey(k string) string { return `"` + k + `"` }

// secretWords are the words of an environment variable name that say its
// value is a credential. secretPairs are two-word names that do (API_KEY,
// PRIVATE_KEY) where either word alone does not.
var (
	secretWords = map[string]bool{
		"password": true, "passwd": true, "pwd": true, "passphrase": true,
		"secret": true, "secrets": true, "token": true, "apikey": true,
		"privatekey": true, "secretkey": true, "credential": true, "credentials": true,
		"clientsecret": true, "accesstoken": true, "authtoken": true,
	}
	secretPairs = map[[2]string]bool{
		{"api", "key"}: true, {"private", "key"}: true, {"signing", "key"}: true,
		{"encryption", "key"}: true, {"master", "key"}: true, {"access", "token"}: true,
		{"auth", "token"}: true, {"db", "pass"}: true, {"database", "pass"}: true,
		{"smtp", "pass"}: true, {"mysql", "pass"}: true, {"redis", "pass"}: true,
	}
	// notSecretTail are last words that make the name about a secret (where
	// it lives, how long it lasts) rather than the secret itself:
	// DB_SECRET_ARN, TOKEN_TTL, PASSWORD_MIN_LENGTH, API_KEY_PARAMETER.
	notSecretTail = map[string]bool{
		"arn": true, "name": true, "id": true, "ids": true, "path": true, "param": true,
		"parameter": true, "ssm": true, "ref": true, "file": true, "url": true, "uri": true,
		"endpoint": true, "ttl": true, "expiry": true, "expiration": true, "expires": true,
		"length": true, "len": true, "header": true, "region": true, "version": true,
		"type": true, "enabled": true, "disabled": true, "rotation": true, "policy": true,
		"location": true, "bucket": true, "hash": true, "format": true,
		"timeout": true, "seconds": true, "minutes": true, "count": true, "size": true,
		"mode": true, "prefix": true, "suffix": true, "field": true, "provider": true,
		"issuer": true, "audience": true, "scope": true, "algorithm": true,
	}
	// notSecretHead are first words of flags about secrets:
	// ENABLE_TOKEN_AUTH, USE_SECRETS_MANAGER, IS_PASSWORD_SET.
	notSecretHead = map[string]bool{"enable": true, "disable": true, "use": true, "is": true, "has": true, "require": true}
)

// nameWords splits an identifier into lower-case words at underscores,
// dashes, dots and camel-case boundaries: "dbPassword" and "DB_PASSWORD"
// both give [db password].
func nameWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0:
			prevLower := unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || (unicode.IsUpper(rs[i-1]) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// looksSecretName reports whether an environment variable or argument name
// says its value is a credential.
func looksSecretName(name string) bool {
	words := nameWords(name)
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if notSecretTail[last] || notSecretHead[words[0]] {
		return false
	}
	for i, w := range words {
		if secretWords[w] {
			return true
		}
		if i+1 < len(words) && secretPairs[[2]string{w, words[i+1]}] {
			return true
		}
	}
	// DB_PASS, SMTP_PASS: "pass" alone only as the last word, so that
	// PASS_THROUGH and BYPASS_CACHE stay quiet.
	return last == "pass" && len(words) >= 2
}

// placeholderValues are values that say "nothing here" rather than hold a
// secret: flags and empty markers.
var placeholderValues = map[string]bool{
	"true": true, "false": true, "yes": true, "no": true, "on": true, "off": true,
	"enabled": true, "disabled": true, "none": true, "null": true, "nil": true,
}

// looksLiteralSecret reports whether a known value is worth calling a
// secret: not empty, not a flag or a number, and not a pointer to where the
// secret really lives (an ARN, a Secrets Manager or SSM reference, a
// parameter path).
func looksLiteralSecret(v string) bool {
	s := strings.TrimSpace(v)
	if s == "" || placeholderValues[strings.ToLower(s)] || isNumber(s) {
		return false
	}
	switch {
	case strings.Contains(s, "://"):
		// A URL names a place, not a secret; a password inside one is
		// found by urlPassword.
		return false
	case strings.HasPrefix(s, "arn:"), strings.HasPrefix(s, "{{resolve:"),
		strings.HasPrefix(s, "/"), strings.HasPrefix(s, "ssm:"), strings.HasPrefix(s, "secretsmanager:"):
		return false
	}
	return !strings.Contains(s, analyzer.UnknownPlaceholder)
}

func isNumber(s string) bool {
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' && r != '-' {
			return false
		}
	}
	return s != ""
}

// urlPassword returns the password written in the user-info part of a URL,
// such as the one in postgres://app:s3cret@db:5432/orders.
func urlPassword(s string) (string, bool) {
	if !strings.Contains(s, "://") || !strings.Contains(s, "@") {
		return "", false
	}
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.User == nil || u.Scheme == "" {
		return "", false
	}
	pw, ok := u.User.Password()
	if !ok || !looksLiteralSecret(pw) {
		return "", false
	}
	return pw, true
}

// writtenHere reports whether an expression is a literal, with no variable,
// local or reference in it: the value is written where the expression is.
func writtenHere(e hcl.Expression) bool {
	return e != nil && len(e.Variables()) == 0
}

// valueOrigin describes, for messages, where a known value written by
// expression e came from.
func valueOrigin(e hcl.Expression) string {
	if writtenHere(e) {
		return "is written here"
	}
	return "comes from a value written in the configuration (a local, a variable default or a .tfvars file)"
}

// reportSecret reports a finding about a secret at rng and keeps the secret
// itself out of the report: the message carries only its masked form, made
// by the caller with analyzer.MaskSecret, and the runner masks the secret in
// the source line printed under the finding.
func reportSecret(p *analyzer.Pass, r *analyzer.Resource, rng hcl.Range, path, secret, format string, args ...any) {
	p.ReportRange(r, rng, path, format, args...)
	p.MaskLast(secret)
}
