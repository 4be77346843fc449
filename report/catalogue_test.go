package report

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-sec/onus/analyzer"
)

func TestWriteCatalogueJSONKeys(t *testing.T) {
	c := *publicACL
	c.Resources = []string{"aws_s3_bucket", "aws_s3_bucket_acl"}
	var buf bytes.Buffer
	if err := WriteCatalogueFormat(&buf, "json", []*analyzer.Check{&c, minorUpgrade}); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("not a JSON array of objects: %v\n%s", err, buf.String())
	}
	if len(got) != 2 {
		t.Fatalf("%d objects, want 2", len(got))
	}
	wantKeys := []string{"boundary", "category", "fix", "id", "resources", "severity", "side", "title"}
	for _, obj := range got {
		var keys []string
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if diff := cmp.Diff(wantKeys, keys); diff != "" {
			t.Errorf("keys (-want +got):\n%s", diff)
		}
	}
	want := map[string]any{
		"id": "s3-public-acl", "title": c.Title, "severity": "critical", "side": "customer",
		"category": "data-protection", "resources": []any{"aws_s3_bucket", "aws_s3_bucket_acl"},
		"boundary": c.Boundary, "fix": c.Fix,
	}
	if diff := cmp.Diff(want, got[0]); diff != "" {
		t.Errorf("first check (-want +got):\n%s", diff)
	}
	// A check without resources still has the key, as an empty array.
	if r, ok := got[1]["resources"].([]any); !ok || len(r) != 0 {
		t.Errorf("resources of a check without any = %#v, want []", got[1]["resources"])
	}
}

func TestWriteCatalogueMarkdown(t *testing.T) {
	c := *publicACL
	c.Resources = []string{"aws_s3_bucket"}
	c.Fix = "Remove the ACL | or else."
	var buf bytes.Buffer
	if err := WriteCatalogueFormat(&buf, "markdown", []*analyzer.Check{&c}); err != nil {
		t.Fatal(err)
	}
	want := "| ID | Title | Severity | Side | Category | Resources | Where AWS's part ends | Fix |\n" +
		"|---|---|---|---|---|---|---|---|\n" +
		"| `s3-public-acl` | S3 bucket ACL grants access to everyone | critical | customer | data-protection | `aws_s3_bucket` | AWS stores the objects durably; who may read them is set by you. | Remove the ACL \\| or else. |\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("markdown (-want +got):\n%s", diff)
	}
}

func TestWriteCatalogueFormatUnknown(t *testing.T) {
	err := WriteCatalogueFormat(&bytes.Buffer{}, "yaml", nil)
	if err == nil || !strings.Contains(err.Error(), `unknown format "yaml"`) {
		t.Errorf("error = %v", err)
	}
}

func TestWriteExplain(t *testing.T) {
	c := *publicACL
	c.Resources = []string{"aws_s3_bucket_acl"}
	doc := CheckDoc{
		Why:     "This check flags public ACLs.\n\nFacts:\n  - AWS blocks new public ACLs by default since April 2023.\n",
		Bad:     "resource \"aws_s3_bucket_acl\" \"a\" {\n  acl = \"public-read\" # <- s3-public-acl\n}\n",
		BadFrom: "testdata/checks/s3-public-acl/bad_example",
		Good:    "resource \"aws_s3_bucket_acl\" \"a\" {\n  acl = \"private\"\n}\n", GoodFrom: "testdata/checks/s3-public-acl/good_example",
	}
	var buf bytes.Buffer
	if err := WriteExplain(&buf, &c, doc); err != nil {
		t.Fatal(err)
	}
	want := `s3-public-acl: S3 bucket ACL grants access to everyone
severity critical, category data-protection
resources: aws_s3_bucket_acl

Why it matters
  This check flags public ACLs.

  Facts:
    - AWS blocks new public ACLs by default since April 2023.

Whose side
  customer — security in the cloud: AWS does not do this for you.

Where AWS's part ends
  AWS stores the objects durably; who may read them is set by you.

Bad (testdata/checks/s3-public-acl/bad_example)
    resource "aws_s3_bucket_acl" "a" {
      acl = "public-read" # <- s3-public-acl
    }

Good (testdata/checks/s3-public-acl/good_example)
    resource "aws_s3_bucket_acl" "a" {
      acl = "private"
    }

Fix
  Remove the public ACL.
`
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("explain (-want +got):\n%s", diff)
	}
}

func TestWriteCheckMarkdown(t *testing.T) {
	var buf bytes.Buffer
	doc := CheckDoc{Why: "This check flags ACLs.\n", Bad: "a = 1 # <- s3-public-acl\n", BadFrom: "testdata/checks/s3-public-acl/bad_x"}
	if err := WriteCheckMarkdown(&buf, publicACL, doc); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{
		"## s3-public-acl\n\n**S3 bucket ACL grants access to everyone**\n",
		"| critical | customer | data-protection |  |\n",
		"This check flags ACLs.\n",
		"**Whose side:** customer",
		"**Where AWS's part ends:** AWS stores the objects durably",
		"Bad (`testdata/checks/s3-public-acl/bad_x`):\n\n```hcl\na = 1 # <- s3-public-acl\n```\n",
		"**Fix:** Remove the public ACL.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("markdown lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Good (") {
		t.Errorf("a check without a good example printed one:\n%s", got)
	}
}
