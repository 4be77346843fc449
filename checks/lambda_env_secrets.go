package checks

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/onus-sec/onus/analyzer"
)

// LambdaEnvSecrets flags Lambda environment variables that carry a secret
// written in the configuration.
//
// A variable is reported when its name says it holds a credential (password,
// secret, token, API key, private key...; see looksSecretName) and its value
// is known at scan time and looks like a value (not empty, not a flag, not
// an ARN or parameter path), or, whatever its name, when its value is a URL
// with a password in it (postgres://app:s3cret@db/orders). A value from a
// variable with no default, a data source, a resource attribute or a
// secret's ARN is unknown or a pointer, and fine.
//
// Facts (verified 2026-12-02): Lambda always encrypts environment
// variables at rest, with an AWS managed key unless you choose one (Lambda
// Developer Guide, "Data encryption at rest for AWS Lambda"); users allowed
// to read the function's configuration see the values unless an IAM or key
// policy denies them the key (AWS Prescriptive Guidance, "Encryption best
// practices for AWS Lambda"), and the values are in the configuration and
// the Terraform state in clear text.
var LambdaEnvSecrets = &analyzer.Check{
	ID:        "lambda-env-secrets",
	Title:     "Lambda environment variable holds a literal secret",
	Severity:  analyzer.High,
	Side:      analyzer.Customer,
	Category:  analyzer.Secrets,
	Resources: []string{"aws_lambda_function"},
	Boundary:  "AWS encrypts Lambda environment variables at rest, but shows them to anyone allowed to read the function's configuration; keeping secrets out of them is yours.",
	Fix:       "Store the secret in Secrets Manager or SSM Parameter Store (SecureString), pass its ARN or name in the environment, and read it at run time with the function's role.",
	Run:       runLambdaEnvSecrets,
}

func init() { register(LambdaEnvSecrets) }

func runLambdaEnvSecrets(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_lambda_function") {
		for _, env := range r.Body.BlocksOf("environment") {
			a := env.Attr("variables")
			if a == nil {
				continue
			}
			for _, name := range sortedKeysOf(a.Value) {
				v, ok := analyzer.StringValue(analyzer.GetAttr(a.Value, name))
				if !ok {
					continue
				}
				var found, why string
				switch {
				case looksSecretName(name) && looksLiteralSecret(v):
					found, why = v, "its name says it holds a credential"
				default:
					if pw, ok := urlPassword(v); ok {
						found, why = pw, "its URL carries a password"
					}
				}
				if found == "" {
					continue
				}
				rng, path, expr := a.Range, attrPath(a)+"."+name, a.Expr()
				if item := objectItem(expr, name); item != nil {
					rng = hcl.RangeBetween(item.KeyExpr.Range(), item.ValueExpr.Range())
					expr = item.ValueExpr
				}
				reportSecret(p, r, rng, path, found,
					"environment variable %s (%s) %s, and %s: Lambda shows it to anyone who may read the function's configuration, and it sits in the code and the state; keep the secret in Secrets Manager or Parameter Store and pass its name instead",
					name, analyzer.MaskSecret(found), valueOrigin(expr), why)
			}
		}
	}
}

// sortedKeysOf returns the keys of a known map or object value, sorted, or
// nil.
func sortedKeysOf(v cty.Value) []string {
	v, _ = v.UnmarkDeep()
	if v.IsNull() || !v.IsKnown() {
		return nil
	}
	t := v.Type()
	if !t.IsMapType() && !t.IsObjectType() {
		return nil
	}
	var keys []string
	for it := v.ElementIterator(); it.Next(); {
		k, _ := it.Element()
		keys = append(keys, k.AsString())
	}
	sort.Strings(keys)
	return keys
}
