package analyzer

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// writeTree writes files (path → content) under a new temporary directory
// and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func evaluate(t *testing.T, dir string, opts Options) ([]*Config, hcl.Diagnostics) {
	t.Helper()
	p, err := Load(context.Background(), []string{dir}, opts)
	if err != nil {
		t.Fatal(err)
	}
	cfgs, diags := p.Evaluate(context.Background())
	p.mu.Lock()
	diags = append(append(hcl.Diagnostics{}, p.diags...), diags...)
	p.mu.Unlock()
	return cfgs, diags
}

func addresses(cfgs []*Config) []string {
	var out []string
	for _, c := range cfgs {
		for _, m := range c.Modules {
			for _, r := range m.Resources {
				out = append(out, r.Address)
			}
		}
	}
	sort.Strings(out)
	return out
}

func mustResource(t *testing.T, cfgs []*Config, addr string) *Resource {
	t.Helper()
	for _, c := range cfgs {
		if r := c.Lookup(addr); r != nil {
			return r
		}
	}
	t.Fatalf("no resource %s; have %v", addr, addresses(cfgs))
	return nil
}

func TestVariablePrecedence(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "e" { default = "default" }
variable "n" { type = number }
variable "unset" { type = string }
resource "aws_x" "r" {
  a = var.a
  b = var.b
  c = var.c
  d = var.d
  e = var.e
  n = var.n
  unset = var.unset
}`,
		"terraform.tfvars":      `b = "tfvars"` + "\n" + `c = "tfvars"` + "\n" + `d = "tfvars"` + "\n" + `e = "tfvars"`,
		"a.auto.tfvars":         `c = "a.auto"` + "\n" + `d = "a.auto"` + "\n" + `e = "a.auto"`,
		"b.auto.tfvars.json":    `{"d": "b.auto", "e": "b.auto", "n": "30"}`,
		"extra/override.tfvars": `e = "var-file"`,
	})
	cfgs, _ := evaluate(t, dir, Options{VarFiles: []string{filepath.Join(dir, "extra", "override.tfvars")}, Vars: []string{"a=cli"}})
	r := mustResource(t, cfgs, "aws_x.r")
	got := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		got[n], _ = r.Attr(n).String()
	}
	want := map[string]string{"a": "cli", "b": "tfvars", "c": "a.auto", "d": "b.auto", "e": "var-file"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("variables (-want +got):\n%s", diff)
	}
	if n, ok := r.Attr("n").Int(); !ok || n != 30 {
		t.Errorf("n = %d, %v; want 30 converted from a string", n, ok)
	}
	if r.Attr("unset").Known() {
		t.Errorf("a variable with no value must be unknown")
	}
}

func TestInstanceExpansion(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `
variable "create" { default = false }
variable "names" { type = list(string) }
locals { envs = { prod = "p", dev = "d" } }
resource "aws_x" "counted" { count = 2 }
resource "aws_x" "none" { count = 0 }
resource "aws_x" "cond" { count = var.create ? 1 : 0 }
resource "aws_x" "each" {
  for_each = local.envs
  name     = "${each.key}-${each.value}"
}
resource "aws_x" "set" { for_each = toset(["a b", "c\"d"]) }
resource "aws_x" "unknown" { for_each = toset(var.names) }
module "m" {
  source   = "./mod"
  for_each = local.envs
  name     = each.value
}`,
		"mod/main.tf": `
variable "name" {}
resource "aws_y" "inner" { name = var.name }`,
	})
	cfgs, _ := evaluate(t, dir, Options{})
	want := []string{
		`aws_x.counted[0]`, `aws_x.counted[1]`,
		`aws_x.each["dev"]`, `aws_x.each["prod"]`,
		`aws_x.set["a b"]`, `aws_x.set["c\"d"]`,
		`aws_x.unknown`,
		`module.m["dev"].aws_y.inner`, `module.m["prod"].aws_y.inner`,
	}
	if diff := cmp.Diff(want, addresses(cfgs)); diff != "" {
		t.Errorf("addresses (-want +got):\n%s", diff)
	}
	if len(cfgs) != 1 {
		t.Errorf("a directory only called as a module must not be scanned as a root: %d configs", len(cfgs))
	}
	if s, _ := mustResource(t, cfgs, `aws_x.each["prod"]`).Attr("name").String(); s != "prod-p" {
		t.Errorf("each.key/value: got %q", s)
	}
	if !mustResource(t, cfgs, `aws_x.unknown`).KeyUnknown {
		t.Errorf("an unknown for_each must be marked KeyUnknown")
	}
}

func TestDynamicBlocks(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `
variable "ports" { default = [22, 443] }
variable "later" { type = list(number) }
resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = var.ports
    iterator = rule
    content {
      from_port   = rule.value
      to_port     = rule.value
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
  dynamic "egress" {
    for_each = var.later
    content { from_port = egress.value }
  }
}`,
	})
	cfgs, _ := evaluate(t, dir, Options{})
	r := mustResource(t, cfgs, "aws_security_group.sg")
	in := r.Body.BlocksOf("ingress")
	if len(in) != 2 {
		t.Fatalf("want 2 ingress blocks, got %d", len(in))
	}
	if p, _ := in[1].Attr("from_port").Int(); p != 443 {
		t.Errorf("second ingress from_port = %d", p)
	}
	if in[0].Attr("from_port").Range.Start.Line != 9 {
		t.Errorf("a dynamic block's argument must point into content, got line %d", in[0].Attr("from_port").Range.Start.Line)
	}
	if !r.Body.HasUnknownBlocks("egress") {
		t.Errorf("a dynamic block over an unknown collection must leave an Unknown block")
	}
}

func TestReferencesAcrossModulesAndLocals(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `
resource "aws_s3_bucket" "b" { bucket = "logs" }
locals { id = aws_s3_bucket.b.id }
module "v" {
  source = "./v"
  bucket = local.id
}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.bucket
  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Resource = "${aws_s3_bucket.b.arn}/*" }] })
}`,
		"v/main.tf": `
variable "bucket" {}
resource "aws_s3_bucket_versioning" "v" { bucket = var.bucket }`,
	})
	cfgs, _ := evaluate(t, dir, Options{})
	cfg := cfgs[0]
	b := mustResource(t, cfgs, "aws_s3_bucket.b")
	var got []string
	for _, r := range cfg.ReferrersOf(b) {
		got = append(got, r.Address)
	}
	want := []string{"aws_s3_bucket_policy.p", "module.v.aws_s3_bucket_versioning.v"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("referrers (-want +got):\n%s", diff)
	}
	p := mustResource(t, cfgs, "aws_s3_bucket_policy.p")
	if s, ok := p.Attr("bucket").String(); !ok || s != "logs" {
		t.Errorf("a configured attribute of another resource must be known: %q %v", s, ok)
	}
	pol := p.Attr("policy")
	if pol.Known() || pol.JSON == nil {
		t.Fatalf("a partly unknown jsonencode must be unknown with its structure kept")
	}
	st := Elements(GetAttr(pol.JSON.Value, "Statement"))
	if len(st) != 1 {
		t.Fatalf("statements: %d", len(st))
	}
	if s, _ := StringValue(GetAttr(st[0], "Principal")); s != "*" {
		t.Errorf("principal %q", s)
	}
	if pol.JSON.Expr() == nil {
		t.Errorf("the jsonencode argument expression must be kept for ranges")
	}
}

func TestFileFunctionsConfinedToScanRoot(t *testing.T) {
	outside := writeTree(t, map[string]string{"secret.txt": "CANARY-SECRET"})
	dir := writeTree(t, map[string]string{
		"main.tf": `
resource "aws_x" "r" {
  inside   = file("${path.module}/policy.json")
  outside  = file("` + filepath.ToSlash(filepath.Join(outside, "secret.txt")) + `")
  dotdot   = file("../` + filepath.Base(outside) + `/secret.txt")
  exists   = fileexists("/etc/passwd")
  template = templatefile("t.tpl", { name = "x" })
}`,
		"policy.json": `{"Version":"2012-10-17"}`,
		"t.tpl":       `hello ${name}`,
	})
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "link.tf"), []byte(`resource "aws_x" "l" { v = file("link.txt") }`), 0o600); err != nil {
		t.Fatal(err)
	}
	cfgs, diags := evaluate(t, dir, Options{})
	r := mustResource(t, cfgs, "aws_x.r")
	if s, _ := r.Attr("inside").String(); !strings.Contains(s, "2012-10-17") {
		t.Errorf("a file inside the root must be read, got %q", s)
	}
	if s, _ := r.Attr("template").String(); s != "hello x" {
		t.Errorf("templatefile: %q", s)
	}
	for _, name := range []string{"outside", "dotdot"} {
		if r.Attr(name).Known() {
			t.Errorf("%s: a file outside the root must be unknown", name)
		}
	}
	if mustResource(t, cfgs, "aws_x.l").Attr("v").Known() {
		t.Errorf("a symlink out of the root must not be followed")
	}
	for _, d := range diags {
		if strings.Contains(d.Error(), "CANARY") {
			t.Errorf("content outside the root leaked into a diagnostic: %s", d.Error())
		}
	}
}

func TestBrokenFilesAndCycles(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"good.tf":   `resource "aws_x" "good" { v = local.a }` + "\n" + "locals {\n  a = local.b\n  b = local.a\n}\n",
		"broken.tf": "resource \"aws_x\" \"bad\" {\n  v = \"unterminated\n",
		"bin.tf":    "\x00\x01\x02",
		"self/main.tf": `module "again" { source = "./" }
resource "aws_x" "s" {}`,
		"data.tf.json":    `{"resource": {"aws_s3_bucket": {"j": {"bucket": "j", "versioning": {"enabled": true}}}}}`,
		"notjson.tf.json": `{"resource": `,
	})
	cfgs, diags := evaluate(t, dir, Options{})
	addrs := addresses(cfgs)
	for _, want := range []string{"aws_x.good", "aws_s3_bucket.j", "aws_x.s"} {
		found := false
		for _, a := range addrs {
			found = found || a == want
		}
		if !found {
			t.Errorf("%s must still be evaluated beside broken files; have %v", want, addrs)
		}
	}
	j := mustResource(t, cfgs, "aws_s3_bucket.j")
	if v, _ := j.Body.FirstBlock("versioning").Attr("enabled").Bool(); !v {
		t.Errorf(".tf.json nested blocks must be read as blocks")
	}
	wantFiles := map[string]bool{"broken.tf": false, "bin.tf": false, "notjson.tf.json": false}
	for _, d := range diags {
		if d.Severity == hcl.DiagError && d.Subject != nil {
			wantFiles[filepath.Base(d.Subject.Filename)] = true
			if d.Subject.Start.Line < 1 {
				t.Errorf("diagnostic without a line: %s", d.Error())
			}
		}
	}
	for f, ok := range wantFiles {
		if !ok {
			t.Errorf("no error diagnostic for %s", f)
		}
	}
	cycle := false
	for _, d := range diags {
		cycle = cycle || d.Summary == "Cycle"
	}
	if !cycle {
		t.Errorf("the locals cycle must be reported")
	}
}

func TestParseIgnore(t *testing.T) {
	tests := []struct {
		in      string
		ids     []string
		reason  string
		expires string
		ok      bool
	}{
		{"# onus:ignore:s3-public-acl", []string{"s3-public-acl"}, "", "", true},
		{"# onus:ignore:a,b reason=legacy site exp:2027-01-31", []string{"a", "b"}, "legacy site", "2027-01-31", true},
		{"// onus:ignore:x exp:2020-01-01 reason=old", []string{"x"}, "old", "2020-01-01", true},
		{"# nothing to see", nil, "", "", false},
	}
	for _, tt := range tests {
		ig, ok, err := ParseIgnore(tt.in)
		if err != nil {
			t.Errorf("%q: %v", tt.in, err)
		}
		exp := ""
		if !ig.Expires.IsZero() {
			exp = ig.Expires.Format("2006-01-02")
		}
		if ok != tt.ok || !cmp.Equal(ig.IDs, tt.ids) || ig.Reason != tt.reason || exp != tt.expires {
			t.Errorf("%q: got %v %q %q %v", tt.in, ig.IDs, ig.Reason, exp, ok)
		}
	}
}

func TestReadersNeverReportUnknown(t *testing.T) {
	b := &Block{Attributes: map[string]*Attribute{
		"unknown": {Name: "unknown", Value: cty.UnknownVal(cty.Bool)},
		"null":    {Name: "null", Value: cty.NullVal(cty.Bool)},
		"str":     {Name: "str", Value: cty.StringVal("false")},
	}}
	if _, known := b.BoolOr("unknown", true); known {
		t.Errorf("unknown must not be known")
	}
	if v, known := b.BoolOr("null", true); !known || !v {
		t.Errorf("null is unset and takes the default")
	}
	if v, known := b.BoolOr("str", true); !known || v {
		t.Errorf(`"false" converts to false as in Terraform`)
	}
	if v, known := b.BoolOr("absent", false); !known || v {
		t.Errorf("absent takes the default")
	}
}

func TestReferencesSurviveFunctions(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `
variable "names" { type = set(string) }
resource "aws_s3_bucket" "b" { bucket = "x" }
resource "aws_s3_bucket" "many" { for_each = var.names }
resource "aws_x" "element" { bucket = element(split(":", aws_s3_bucket.b.arn), 5) }
resource "aws_x" "try" { bucket = try(aws_s3_bucket.b.id, null) }
resource "aws_x" "each" {
  for_each = aws_s3_bucket.many
  bucket   = each.value.id
}`,
	})
	cfgs, _ := evaluate(t, dir, Options{})
	for addr, want := range map[string]string{"aws_x.element": "aws_s3_bucket.b", "aws_x.try": "aws_s3_bucket.b", "aws_x.each": "aws_s3_bucket.many"} {
		r := mustResource(t, cfgs, addr)
		found := false
		for _, ref := range r.Attr("bucket").Refs {
			found = found || ref.Address == want
		}
		if !found {
			t.Errorf("%s: refs %v do not include %s", addr, r.Attr("bucket").Refs, want)
		}
	}
}

func TestProviderConstraints(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf":  "terraform {\n  required_providers {\n    awsv5 = { source = \"hashicorp/aws\", version = \"~> 5.0\" }\n  }\n}\n",
		"old.tf":   `provider "aws" { version = "< 4.0" }`,
		"mod/x.tf": `resource "aws_x" "y" {}`,
		"cdk.tf.json": `{"terraform":{"required_providers":{"aws":{"source":"hashicorp/aws","version":">= 5.10"}}},
 "module": {"m": {"source": "./mod"}}}`,
	})
	cfgs, _ := evaluate(t, dir, Options{})
	got := cfgs[0].ProviderConstraints("aws")
	want := []string{"< 4.0", ">= 5.10", "~> 5.0"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("constraints (-want +got):\n%s", diff)
	}
}

func TestLegacyQuotedTypes(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": "variable \"name\" {\n  type    = \"string\"\n  default = \"x\"\n}\nvariable \"l\" {\n  type    = \"list\"\n  default = [\"a\"]\n}\nresource \"aws_x\" \"r\" {\n  name = var.name\n  l    = var.l\n}\n",
	})
	cfgs, diags := evaluate(t, dir, Options{})
	for _, d := range diags {
		t.Errorf("a Terraform 0.11 quoted type must not be an error: %s", d.Error())
	}
	r := mustResource(t, cfgs, "aws_x.r")
	if s, _ := r.Attr("name").String(); s != "x" {
		t.Errorf("name = %q", s)
	}
	if l, ok := r.Attr("l").Strings(); !ok || len(l) != 1 {
		t.Errorf("l = %v %v", l, ok)
	}
}

func TestHostileExpressionsStayBounded(t *testing.T) {
	deep := strings.Repeat("[", 5000) + strings.Repeat("]", 5000)
	dir := writeTree(t, map[string]string{
		"main.tf": `
locals {
  big    = range(1000000000)
  wide   = format("%999999999d", 1)
  spaces = indent(1000000000, "x")
  prod   = setproduct(range(2000), range(2000))
}
resource "aws_x" "r" {
  a = local.big
  b = local.wide
  c = local.spaces
  d = local.prod
  e = 1
}`,
		"deep/main.tf": "locals {\n  x = " + deep + "\n}\n",
	})
	cfgs, diags := evaluate(t, dir, Options{})
	r := mustResource(t, cfgs, "aws_x.r")
	for _, n := range []string{"a", "b", "c", "d"} {
		if r.Attr(n).Known() {
			t.Errorf("%s: a result too large to hold must be unknown", n)
		}
	}
	if v, _ := r.Attr("e").Int(); v != 1 {
		t.Errorf("the rest of the resource must still be evaluated")
	}
	found := false
	for _, d := range diags {
		found = found || (d.Summary == "Nesting too deep" && d.Subject != nil && d.Subject.Start.Line == 2)
	}
	if !found {
		t.Errorf("deep nesting must be refused with file and line; got %v", diags)
	}
}

func TestInstalledModulesAreRead(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
  name    = "main"
}
module "remote" { source = "git::https://example.com/x.git" }`,
		".terraform/modules/modules.json": `{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"vpc","Source":"registry.terraform.io/terraform-aws-modules/vpc/aws","Version":"5.0.0","Dir":".terraform/modules/vpc"}]}`,
		".terraform/modules/vpc/main.tf": `
variable "name" {}
resource "aws_vpc" "this" { tags = { Name = var.name } }`,
	})
	cfgs, diags := evaluate(t, dir, Options{})
	if diff := cmp.Diff([]string{"module.vpc.aws_vpc.this"}, addresses(cfgs)); diff != "" {
		t.Errorf("addresses (-want +got):\n%s", diff)
	}
	noted := false
	for _, d := range diags {
		noted = noted || (d.Summary == "Module not installed" && strings.Contains(d.Detail, "remote"))
	}
	if !noted {
		t.Errorf("a module that is not installed must be noted, not guessed")
	}
}

// TestInstanceObjectsCarryWhatIsRead: an instance object holds the
// arguments some expression of its module reads, and all of them when the
// instance is taken whole; `for_each = aws_s3_bucket.fb` alone takes
// nothing whole, as its resource reads the instances through
// each.value.<name>, unless that resource also uses each.value whole.
func TestInstanceObjectsCarryWhatIsRead(t *testing.T) {
	buckets := `
resource "aws_s3_bucket" "fb" {
  for_each = toset(["a", "b"])
  bucket   = "fb-${each.key}"
  tags     = { Team = "x" }
}
resource "aws_s3_bucket_versioning" "v" {
  for_each = aws_s3_bucket.fb
  bucket   = each.value.bucket
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket_policy" "p" {
  for_each = aws_s3_bucket.fb
  bucket   = each.value.id
  policy   = jsonencode({ Team = each.value.tags.Team })
}
`
	for _, tc := range []struct {
		name, extra string
		whole       bool
	}{
		{"by name", "", false},
		{"each.value whole", `
resource "aws_sqs_queue" "q" {
  for_each = aws_s3_bucket.fb
  tags     = { all = jsonencode(each.value) }
}
`, true},
		{"each.value whole elsewhere", `
variable "queues" {
  default = { a = "x" }
}
resource "aws_sqs_queue" "q" {
  for_each = var.queues
  tags     = { all = jsonencode(each.value) }
}
`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{"main.tf": buckets + tc.extra})
			proj, err := Load(context.Background(), []string{dir}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			accessed := accessedOf(proj.dir(dir))
			if got := accessed[wholeObjects]["aws_s3_bucket"]; got != tc.whole {
				t.Errorf("aws_s3_bucket taken whole: got %v, want %v", got, tc.whole)
			}
			cfgs, diags := evaluate(t, dir, Options{})
			for _, d := range diags {
				t.Errorf("diagnostic: %s", d)
			}
			v := mustResource(t, cfgs, `aws_s3_bucket_versioning.v["a"]`)
			if a := v.Attr("bucket"); !a.Known() || a.Value.AsString() != "fb-a" {
				t.Errorf("each.value.bucket: got %#v", a)
			}
			p := mustResource(t, cfgs, `aws_s3_bucket_policy.p["b"]`)
			if refs := p.Attr("bucket").Refs; len(refs) != 1 || refs[0] != (Ref{Address: `aws_s3_bucket.fb["b"]`, Attr: "id"}) {
				t.Errorf("each.value.id refs: got %v", refs)
			}
			if a := p.Attr("policy"); !a.Known() || a.Value.AsString() != `{"Team":"x"}` {
				t.Errorf("each.value.tags.Team: got %#v", a)
			}
		})
	}
}

// TestSplatReadsByName: x[*].name reads instances by name; x[*] and
// x[*][0] take them whole.
func TestSplatReadsByName(t *testing.T) {
	for _, tc := range []struct {
		expr  string
		whole bool
	}{
		{"aws_subnet.s[*].id", false},
		{"aws_subnet.s.*.id", false},
		{`aws_subnet.s[*].tags["Name"]`, false},
		{"aws_subnet.s[*]", true},
		{"aws_subnet.s[*][0]", true},
		{"aws_subnet.s", true},
	} {
		dir := writeTree(t, map[string]string{"main.tf": `
resource "aws_subnet" "s" {
  count      = 2
  cidr_block = "10.0.${count.index}.0/24"
}
output "o" {
  value = ` + tc.expr + `
}
`})
		proj, err := Load(context.Background(), []string{dir}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := accessedOf(proj.dir(dir))[wholeObjects]["aws_subnet"]; got != tc.whole {
			t.Errorf("%s: taken whole %v, want %v", tc.expr, got, tc.whole)
		}
	}
}

// TestResourcePrefixedReferences: resource.aws_s3_bucket.b.bucket, which
// Terraform accepts, is aws_s3_bucket.b.bucket: evaluated in order, with
// its value and its reference.
func TestResourcePrefixedReferences(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": `
resource "aws_s3_bucket_versioning" "v" {
  bucket = resource.aws_s3_bucket.b.bucket
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket_public_access_block" "p" {
  for_each = resource.aws_s3_bucket.many
  bucket   = each.value.id
}
resource "aws_s3_bucket" "b" {
  bucket = "logs"
}
resource "aws_s3_bucket" "many" {
  for_each = toset(["x"])
  bucket   = "many-${each.key}"
}
`})
	cfgs, diags := evaluate(t, dir, Options{})
	for _, d := range diags {
		t.Errorf("diagnostic: %s", d)
	}
	a := mustResource(t, cfgs, "aws_s3_bucket_versioning.v").Attr("bucket")
	if !a.Known() || a.Value.AsString() != "logs" {
		t.Errorf("bucket: got %#v, want logs", a)
	}
	if len(a.Refs) != 1 || a.Refs[0] != (Ref{Address: "aws_s3_bucket.b", Attr: "bucket"}) {
		t.Errorf("refs: got %v", a.Refs)
	}
	p := mustResource(t, cfgs, `aws_s3_bucket_public_access_block.p["x"]`).Attr("bucket")
	if len(p.Refs) != 1 || p.Refs[0] != (Ref{Address: `aws_s3_bucket.many["x"]`, Attr: "id"}) {
		t.Errorf("each.value.id refs: got %v", p.Refs)
	}
}

// TestMissingFileInsideTheTree: a file the tree does not have (a key or an
// archive made at apply time) is reported as missing; a name that leads
// out of the tree through a link is refused as outside, whether or not
// its target exists, so the message tells nothing of what lies there.
func TestMissingFileInsideTheTree(t *testing.T) {
	outside := writeTree(t, map[string]string{"present.txt": "CANARY"})
	dir := writeTree(t, map[string]string{"main.tf": `
resource "aws_key_pair" "k" {
  public_key = file("${path.module}/keys/generated.pub")
}
resource "aws_key_pair" "via_dir_link" {
  public_key = file("${path.module}/out/absent.pub")
}
resource "aws_key_pair" "dangling" {
  public_key = file("${path.module}/dangling.pub")
}
`, "keys/README": "keys are generated"})
	if err := os.Symlink(outside, filepath.Join(dir, "out")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(filepath.Join(outside, "absent.pub"), filepath.Join(dir, "dangling.pub")); err != nil {
		t.Fatal(err)
	}
	_, diags := evaluate(t, dir, Options{})
	got := map[string]string{}
	for _, d := range diags {
		got[d.Subject.String()] = d.Detail
	}
	want := map[string]string{"generated.pub": "no file", "absent.pub": "outside the scanned tree", "dangling.pub": "outside the scanned tree"}
	for name, msg := range want {
		found := false
		for _, detail := range got {
			if strings.Contains(detail, name) {
				found = true
				if !strings.Contains(detail, msg) {
					t.Errorf("%s: %q, want it to say %q", name, detail, msg)
				}
			}
		}
		if !found {
			t.Errorf("%s: no diagnostic in %v", name, got)
		}
	}
}

// TestStandInsReportNoEvaluationErrors: an instance that stands for an
// unknown number of instances, possibly none, may read what does not exist
// when there are none (a count = 0 resource); Terraform never evaluates it
// then, so onus does not warn. A resource that surely exists still does.
func TestStandInsReportNoEvaluationErrors(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": `
variable "gateway" {
  default = false
}
variable "subnets" {
  type = list(string)
}
resource "aws_egress_only_internet_gateway" "eigw" {
  count  = var.gateway ? 1 : 0
  vpc_id = "vpc-1"
}
resource "aws_route" "egress" {
  for_each               = toset(var.subnets)
  egress_only_gateway_id = aws_egress_only_internet_gateway.eigw[0].id
}
module "m" {
  source = "./m"
  count  = length(var.subnets)
  id     = "x"
}
resource "aws_route" "sure" {
  egress_only_gateway_id = aws_egress_only_internet_gateway.eigw[0].id
}
`, "m/main.tf": `
variable "id" {}
resource "aws_egress_only_internet_gateway" "none" {
  count  = 0
  vpc_id = var.id
}
resource "aws_route" "inner" {
  egress_only_gateway_id = aws_egress_only_internet_gateway.none[0].id
}
`})
	_, diags := evaluate(t, dir, Options{})
	var lines []int
	for _, d := range diags {
		if strings.HasPrefix(d.Summary, "Evaluation") {
			lines = append(lines, d.Subject.Start.Line)
		}
	}
	if len(lines) != 1 || lines[0] != 22 {
		t.Errorf("evaluation warnings on lines %v, want only line 22 (aws_route.sure):\n%v", lines, diags)
	}
}

// TestNamesBeforeASplatAreRead: data.x.y[0].certificates[*].sha1 and
// for_each = data.x.y.names read "certificates" and "names", though
// neither takes the instance whole.
func TestNamesBeforeASplatAreRead(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": `
data "tls_certificate" "c" {
  count = 1
  url   = "https://example.com"
}
data "aws_regions" "r" {
}
resource "aws_iam_openid_connect_provider" "p" {
  url             = "https://example.com"
  thumbprint_list = data.tls_certificate.c[0].certificates[*].sha1_fingerprint
}
resource "aws_sqs_queue" "q" {
  for_each = data.aws_regions.r.names
  name     = each.key
}
`})
	proj, err := Load(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	accessed := accessedOf(proj.dir(dir))
	if !accessed["tls_certificate"]["certificates"] || !accessed["aws_regions"]["names"] {
		t.Errorf("names read: %v", accessed)
	}
	if len(accessed[wholeObjects]) != 0 {
		t.Errorf("taken whole: %v, want none", accessed[wholeObjects])
	}
	_, diags := evaluate(t, dir, Options{})
	for _, d := range diags {
		t.Errorf("diagnostic: %s", d)
	}
}

// TestJSONNamesAreRead: in a .tf.json module, names read by locals and
// outputs count as read too, so the instance objects carry them.
func TestJSONNamesAreRead(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf.json": `{
  "resource": {
    "aws_s3_bucket": {"b": {"bucket": "logs"}},
    "aws_s3_bucket_versioning": {"v": {
      "bucket": "${local.name}",
      "versioning_configuration": {"status": "Enabled"}
    }}
  },
  "locals": {"name": "${aws_s3_bucket.b.bucket}"},
  "output": {"region": {"value": "${aws_s3_bucket.b.bucket_regional_domain_name}"}}
}`})
	cfgs, diags := evaluate(t, dir, Options{})
	for _, d := range diags {
		t.Errorf("diagnostic: %s", d)
	}
	if a := mustResource(t, cfgs, "aws_s3_bucket_versioning.v").Attr("bucket"); !a.Known() || a.Value.AsString() != "logs" {
		t.Errorf("bucket read through a JSON local: got %#v", a)
	}
}

// accessedOf is the attribute names a directory's graph records as read.
func accessedOf(dm *dirModule) map[string]map[string]bool {
	_, g := dm.syntax()
	return g.accessed
}

func TestParseEachCallsEveryIndexOnce(t *testing.T) {
	for _, helpers := range []int{0, 1, 3} {
		p := &Project{helpers: make(chan struct{}, helpers)}
		var mu sync.Mutex
		seen := map[int]int{}
		p.parseEach(500, func(i int) {
			mu.Lock()
			seen[i]++
			mu.Unlock()
		})
		if len(seen) != 500 {
			t.Fatalf("%d helpers: %d indices parsed, want 500", helpers, len(seen))
		}
		for i, n := range seen {
			if n != 1 {
				t.Fatalf("%d helpers: index %d parsed %d times", helpers, i, n)
			}
		}
		if len(p.helpers) != 0 {
			t.Fatalf("%d helpers: %d slots still taken", helpers, len(p.helpers))
		}
	}
}

func TestConfigurationAliasesAreNotValues(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `
module "child" {
  source = "./child"
  providers = {
    aws.primary = aws
  }
}
`,
		"child/versions.tf": `
terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      version               = ">= 4.27.0"
      configuration_aliases = [aws.primary, aws.secondary]
    }
  }
}

resource "aws_s3_bucket" "b" {
  provider = aws.primary
  bucket   = "b"
}
`,
	})
	cfgs, diags := evaluate(t, dir, Options{})
	for _, d := range diags {
		t.Errorf("diagnostic on valid code: %s", d.Error())
	}
	var source string
	for _, c := range cfgs {
		for _, m := range c.Modules {
			for _, tb := range m.Terraform {
				for _, rp := range tb.BlocksOf("required_providers") {
					if a := rp.Attr("aws"); a != nil {
						source, _ = StringValue(GetAttr(a.Value, "source"))
					}
				}
			}
		}
	}
	if source != "hashicorp/aws" {
		t.Errorf("required_providers aws source = %q, want it read beside the aliases", source)
	}
}

func TestMissingModuleInsideTheTree(t *testing.T) {
	outside := writeTree(t, map[string]string{"mod/main.tf": "# outside\n"})
	dir := writeTree(t, map[string]string{"examples/main.tf": `
module "missing" {
  source = "./modules/account-request"
}
module "via_link" {
  source = "../out/absent"
}
module "out" {
  source = "../../escape"
}
`})
	if err := os.Symlink(outside, filepath.Join(dir, "out")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	_, diags := evaluate(t, filepath.Join(dir, "examples"), Options{})
	want := map[string]string{
		`"missing"`:  "there is no directory",
		`"via_link"`: "outside the scanned tree or does not exist",
		`"out"`:      "outside the scanned tree or does not exist",
	}
	for name, msg := range want {
		found := false
		for _, d := range diags {
			if strings.Contains(d.Detail, "module "+name) {
				found = true
				if !strings.Contains(d.Detail, msg) {
					t.Errorf("module %s: %q, want it to say %q", name, d.Detail, msg)
				}
			}
		}
		if !found {
			t.Errorf("module %s: no diagnostic in %v", name, diags)
		}
	}
}
