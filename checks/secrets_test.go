package checks

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
)

func TestFindAccessKeyID(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"AKIAONUSFAKEKEY00005", "AKIAONUSFAKEKEY00005", true},
		{"export AWS_ACCESS_KEY_ID=ASIAONUSFAKEKEY00008\n", "ASIAONUSFAKEKEY00008", true},
		{`{"key_id":"AKIAONUSFAKEKEY00005"}`, "AKIAONUSFAKEKEY00005", true},
		// AWS's documented example key is a placeholder; a real key after it
		// is still found.
		{"AKIAIOSFODNN7EXAMPLE", "", false},
		{"AKIAIOSFODNN7EXAMPLE AKIAONUSFAKEKEY00005", "AKIAONUSFAKEKEY00005", true},
		// Principal IDs are not credentials.
		{"AROAONUSFAKEROLE0001", "", false},
		{"AIDA2OGYBAH6E3RT5YUI", "", false},
		// Part of a longer token, too short, or lower case.
		{"XAKIAONUSFAKEKEY00005", "", false},
		{"AKIAONUSFAKEKEY00005Z", "", false},
		{"AKIA2OGYBAH6RQNNS7X", "", false},
		{"akia2ogybah6rqnns7xk", "", false},
		{"", "", false},
	} {
		got, ok := findAccessKeyID(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("findAccessKeyID(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNameWords(t *testing.T) {
	for in, want := range map[string][]string{
		"DB_PASSWORD":      {"db", "password"},
		"dbPassword":       {"db", "password"},
		"githubToken":      {"github", "token"},
		"APIKey":           {"api", "key"},
		"stripe-api.key":   {"stripe", "api", "key"},
		"OAuth2ClientID":   {"o", "auth2", "client", "id"},
		"__":               nil,
		"SECRET":           {"secret"},
		"privateKeyPEM":    {"private", "key", "pem"},
		"S3_BUCKET_NAME_2": {"s3", "bucket", "name", "2"},
	} {
		if diff := cmp.Diff(want, nameWords(in)); diff != "" {
			t.Errorf("nameWords(%q) (-want +got):\n%s", in, diff)
		}
	}
}

func TestLooksSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"DB_PASSWORD":         true,
		"dbPassword":          true,
		"SMTP_PASS":           true,
		"STRIPE_API_KEY":      true,
		"apiKey":              true,
		"APIKEY":              true,
		"JWT_SECRET":          true,
		"CLIENT_SECRET":       true,
		"GITHUB_TOKEN":        true,
		"PRIVATE_KEY":         true,
		"SIGNING_KEY":         true,
		"GOOGLE_CREDENTIALS":  true,
		"DB_SECRET_ARN":       false,
		"API_KEY_PARAMETER":   false,
		"TOKEN_TTL":           false,
		"PASSWORD_MIN_LENGTH": false,
		"ENABLE_TOKEN_AUTH":   false,
		"USE_SECRETS_MANAGER": false,
		"SECRET_NAME":         false,
		"KMS_KEY_ID":          false,
		"BYPASS_CACHE":        false,
		"PASS_THROUGH":        false,
		"TOKEN_ISSUER":        false,
		"STAGE":               false,
		"":                    false,
	} {
		if got := looksSecretName(name); got != want {
			t.Errorf("looksSecretName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestLooksLiteralSecret(t *testing.T) {
	for v, want := range map[string]bool{
		"sk_live_51HqLyjWDarjtT1zdp7dc": true,
		"changeme":                      true,
		"":                              false,
		"   ":                           false,
		"true":                          false,
		"Disabled":                      false,
		"3600":                          false,
		"arn:aws:secretsmanager:eu-west-1:111122223333:secret:x": false,
		"{{resolve:secretsmanager:db}}":                          false,
		"/prod/db/password":                                      false,
		"https://auth.example.com":                               false,
		"prefix-__onus_unknown__":                                false,
	} {
		if got := looksLiteralSecret(v); got != want {
			t.Errorf("looksLiteralSecret(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestURLPassword(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"postgres://orders:hunter22@db:5432/orders", "hunter22", true},
		{"redis://:s3cret@cache:6379/0", "s3cret", true},
		{"postgres://db:5432/orders", "", false},
		{"https://user@docs.example.com/guide", "", false},
		{"mysql://app:@db/app", "", false},
		{"not a url", "", false},
	} {
		got, ok := urlPassword(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("urlPassword(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestEachString(t *testing.T) {
	v := cty.ObjectVal(map[string]cty.Value{
		"b": cty.ListVal([]cty.Value{cty.StringVal("x"), cty.UnknownVal(cty.String), cty.StringVal("y")}),
		"a": cty.StringVal("top"),
		"c": cty.NullVal(cty.String),
		"d": cty.MapVal(map[string]cty.Value{"k": cty.StringVal("v")}),
		"e": cty.NumberIntVal(3),
	})
	var got []string
	eachString(v, func(path, s string) { got = append(got, path+"="+s) })
	want := []string{`["a"]=top`, `["b"][0]=x`, `["b"][2]=y`, `["d"]["k"]=v`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("eachString (-want +got):\n%s", diff)
	}
	if k := firstKey(`["API_KEY"][0]`); k != "API_KEY" {
		t.Errorf("firstKey = %q", k)
	}
	if k := firstKey(`[0]`); k != "" {
		t.Errorf("firstKey([0]) = %q", k)
	}
}
