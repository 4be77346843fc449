package analyzer

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// fakeKeyID has the shape of an access key ID and belongs to no one; it is
// built from parts so that secret scanners do not mistake the test for a
// leak.
const fakeKeyID = "AKIA" + "ONUSFAKEKEY00005"

func TestProviderAddress(t *testing.T) {
	cfgs, diags := evaluate(t, writeTree(t, map[string]string{
		"main.tf": `
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

module "net" {
  source = "./net"
}
`,
		"net/main.tf": `
provider "aws" {
  region = "eu-central-1"
}
`,
	}), Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var got []string
	for _, m := range cfgs[0].Modules {
		for _, b := range m.Providers {
			got = append(got, ProviderAddress(m, b))
		}
	}
	want := []string{"provider.aws", "provider.aws.west", "module.net.provider.aws"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("addresses (-want +got):\n%s", diff)
	}
}

// TestReportProvider runs a check that reports at a provider argument and
// at a provider header: the findings carry the provider's address and a
// fingerprint, and an ignore comment above the provider block silences them.
func TestReportProvider(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `provider "aws" {
  region     = "eu-west-1"
  access_key = "` + fakeKeyID + `"
}

# onus:ignore:test-provider reason=emulator
provider "aws" {
  alias      = "local"
  access_key = "test"
}
`,
	})
	check := &Check{ID: "test-provider", Severity: High, Side: Customer, Category: Secrets, Run: func(p *Pass) {
		for _, m := range p.Config.Modules {
			for _, b := range m.Providers {
				p.ReportProvider(m, b, b.Attr("access_key"), "key")
				p.ReportProvider(m, b, nil, "header")
			}
		}
	}}
	ctx := context.Background()
	proj, err := Load(ctx, []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := proj.Run(ctx, []*Check{check}, RunOptions{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	type row struct {
		Resource, Path, Message string
		Line                    int
		Suppressed              bool
	}
	var got []row
	for _, f := range res.Findings {
		if f.Fingerprint != Fingerprint("test-provider", f.Resource, f.Path) {
			t.Errorf("%s %s: fingerprint %s", f.Resource, f.Path, f.Fingerprint)
		}
		got = append(got, row{f.Resource, f.Path, f.Message, f.Range.Start.Line, f.Suppressed != nil})
	}
	want := []row{
		{"provider.aws", "", "header", 1, false},
		{"provider.aws", "access_key", "key", 3, false},
		{"provider.aws.local", "", "header", 7, true},
		{"provider.aws.local", "access_key", "key", 9, true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

func TestMaskSecret(t *testing.T) {
	for in, want := range map[string]string{
		fakeKeyID:  "AKIA****",
		"hunter2":  "hun****",
		"abcd":     "ab****",
		"x":        "****",
		"":         "****",
		"pässwörd": "päss****",
	} {
		if got := MaskSecret(in); got != want {
			t.Errorf("MaskSecret(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMaskSnippet(t *testing.T) {
	for _, tc := range []struct{ line, secret, want string }{
		{`  password = "Sup3rSecret!"`, "Sup3rSecret!", `  password = "Sup3****"`},
		{`  password = var.db_password`, "Sup3rSecret!", `  password = var.db_password`},
		{`  a = "s3cr3t", b = "s3cr3t"`, "s3cr3t", `  a = "s3c****", b = "s3c****"`},
		{`  anything`, "", `  anything`},
	} {
		if got := MaskSnippet(tc.line, tc.secret); got != tc.want {
			t.Errorf("MaskSnippet(%q, %q) = %q, want %q", tc.line, tc.secret, got, tc.want)
		}
	}
}
