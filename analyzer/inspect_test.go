package analyzer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
)

func TestInspect(t *testing.T) {
	cfgs := schemaTree(t, map[string]string{
		"main.tf": `
variable "cidr" {}

locals {
  ports = [22, 443]
}

resource "aws_security_group" "web" {
  count = 2
  name  = "web-${count.index}"

  dynamic "ingress" {
    for_each = local.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = [var.cidr]
    }
  }
}

resource "aws_instance" "app" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.web[0].id, "sg-known"]
  monitoring             = "true"

  metadata_options {
    http_tokens = "required"
  }
}

module "buckets" {
  source   = "./bucket"
  for_each = toset(["a", "b"])
  name     = each.key
}
`,
		"bucket/main.tf": `
variable "name" {}

resource "aws_s3_bucket" "this" {
  bucket = "x-${var.name}"
}
`,
	})
	got := Inspect(cfgs)
	var addrs []string
	for _, in := range got {
		addrs = append(addrs, in.Address)
	}
	want := []string{
		"aws_instance.app",
		"aws_security_group.web[0]",
		"aws_security_group.web[1]",
		`module.buckets["a"].aws_s3_bucket.this`,
		`module.buckets["b"].aws_s3_bucket.this`,
	}
	if diff := cmp.Diff(want, addrs); diff != "" {
		t.Fatalf("addresses (-want +got):\n%s", diff)
	}
	doc := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	app := got[0]
	// A set with an unknown element is unknown as a whole, as Terraform
	// plans it; "true" is a bool for a bool argument.
	if s := doc(app.Values); s != `{"ami":"ami-1","instance_type":"t3.micro","metadata_options":[{"http_tokens":"required"}],"monitoring":true}` {
		t.Errorf("aws_instance values = %s", s)
	}
	if s := doc(app.Unknown); s != `{"metadata_options":[{}],"vpc_security_group_ids":true}` {
		t.Errorf("aws_instance unknown = %s", s)
	}
	sg := got[1]
	if sg.Index != int64(0) || sg.Mode != Managed || sg.Location.StartLine != 8 {
		t.Errorf("aws_security_group.web[0]: index %v, mode %s, line %d", sg.Index, sg.Mode, sg.Location.StartLine)
	}
	// ingress is a set of objects written in block syntax: each element
	// keeps its known ports, and its CIDR list has an unknown element.
	if s := doc(sg.Values["ingress"]); s != `[{"cidr_blocks":[null],"from_port":22,"protocol":"tcp","to_port":22},{"cidr_blocks":[null],"from_port":443,"protocol":"tcp","to_port":443}]` {
		t.Errorf("ingress values = %s", s)
	}
	if s := doc(sg.Unknown["ingress"]); s != `[{"cidr_blocks":[true]},{"cidr_blocks":[true]}]` {
		t.Errorf("ingress unknown = %s", s)
	}
	if got[3].Module != `module.buckets["a"]` || got[3].Index != nil {
		t.Errorf("module instance: module %q, index %v", got[3].Module, got[3].Index)
	}
}

func TestTypedPlanValue(t *testing.T) {
	tests := []struct {
		name   string
		v      cty.Value
		ty     cty.Type
		val, u any
	}{
		{"known string", cty.StringVal("a"), cty.String, "a", false},
		{"unknown", cty.UnknownVal(cty.String), cty.String, omitted, true},
		{"list with an unknown element", cty.TupleVal([]cty.Value{cty.StringVal("a"), cty.DynamicVal}), cty.List(cty.String), []any{"a", nil}, []any{false, true}},
		{"set with an unknown element", cty.TupleVal([]cty.Value{cty.StringVal("a"), cty.DynamicVal}), cty.Set(cty.String), omitted, true},
		{"object leaves out unknown attributes", cty.ObjectVal(map[string]cty.Value{"a": cty.True, "b": cty.DynamicVal}), cty.DynamicPseudoType, map[string]any{"a": true}, map[string]any{"b": true}},
		{"number", cty.NumberIntVal(30), cty.Number, json.Number("30"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, u := typedPlanValue(tt.v, tt.ty)
			if !reflect.DeepEqual(v, tt.val) || !reflect.DeepEqual(u, tt.u) {
				t.Errorf("got (%#v, %#v), want (%#v, %#v)", v, u, tt.val, tt.u)
			}
		})
	}
}

func TestLessAddress(t *testing.T) {
	if !lessAddress("aws_vpc.a[9]", "aws_vpc.a[10]") {
		t.Error("[9] should sort before [10]")
	}
	if lessAddress(`aws_vpc.a["b"]`, `aws_vpc.a["a"]`) {
		t.Error(`["a"] should sort before ["b"]`)
	}
}

func TestParseInstanceAddress(t *testing.T) {
	a, err := parseInstanceAddress(`module.net["eu"].module.sub[0].data.aws_iam_policy_document.p["x.y"]`)
	if err != nil {
		t.Fatal(err)
	}
	if modulePath(a.modules) != `module.net["eu"].module.sub[0]` || a.mode != Data || a.typ != "aws_iam_policy_document" || a.name != "p" || a.key != cty.StringVal("x.y") {
		t.Errorf("parsed %+v", a)
	}
	if a.local() != "data.aws_iam_policy_document.p" {
		t.Errorf("local = %s", a.local())
	}
	if _, err := parseInstanceAddress("module.x"); err == nil {
		t.Error("a module address is not an instance address")
	}
}

func TestIsPlanJSON(t *testing.T) {
	tests := map[string]bool{
		`{"format_version":"1.2","planned_values":{}}`: true,
		`{"format_version":"1.0"}`:                     false,
		`[1,2]`:                                        false,
		`{"resource": {}}`:                             false,
		`not json`:                                     false,
	}
	for in, want := range tests {
		if got := IsPlanJSON([]byte(in)); got != want {
			t.Errorf("IsPlanJSON(%s) = %v, want %v", in, got, want)
		}
	}
	if _, err := ParsePlan([]byte(`{"format_version":"1.2"}`)); err == nil {
		t.Error("ParsePlan should refuse a document without planned_values")
	}
}

// TestPlanConfig builds the model from a committed plan, without the HCL,
// and checks what the checks will read: arguments the configuration sets,
// none it leaves to the provider, unknowns where Terraform has them, and
// references to the instances they come from.
func TestPlanConfig(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "plans", "split_s3", "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ParsePlan(data)
	if err != nil {
		t.Fatal(err)
	}
	cfg := PlanConfig(doc, nil, "plan.json")
	site := cfg.Lookup(`aws_s3_bucket.data["site"]`)
	if site == nil {
		t.Fatal(`no aws_s3_bucket.data["site"]`)
	}
	if s, ok := site.Attr("bucket").String(); !ok || s != "onus-plan-site" {
		t.Errorf("bucket = %q, %v", s, ok)
	}
	// Not in the configuration: left to the provider, even though the
	// plan has a value (force_destroy = false) or marks it unknown
	// (versioning, computed by the provider).
	if site.Attr("force_destroy") != nil || len(site.Body.BlocksOf("versioning")) > 0 {
		t.Error("arguments the configuration does not set must be absent")
	}
	pab := cfg.Lookup("aws_s3_bucket_public_access_block.reports")
	if a := pab.Attr("bucket"); a == nil || a.Known() {
		t.Fatalf("bucket of the public access block should be set and unknown: %+v", a)
	} else if len(a.Refs) != 1 || a.Refs[0].Address != `aws_s3_bucket.data["reports"]` || a.Refs[0].Attr != "id" {
		t.Errorf("refs = %+v", a.Refs)
	}
	v := cfg.Lookup(`aws_s3_bucket_versioning.data["reports"]`)
	if refs := v.Attr("bucket").Refs; len(refs) != 1 || refs[0].Address != `aws_s3_bucket.data["reports"]` {
		t.Errorf("bucket = aws_s3_bucket.data[each.key].id: refs = %+v", refs)
	}
	pol := cfg.Lookup("module.public_read.aws_s3_bucket_policy.this")
	if refs := pol.Attr("bucket").Refs; len(refs) != 1 || refs[0].Address != `aws_s3_bucket.data["site"]` {
		t.Errorf("bucket = var.bucket_id in a module: refs = %+v", refs)
	}
	// A dynamic block, which Terraform's configuration JSON leaves out, is
	// still there.
	if n := len(cfg.Lookup("aws_security_group.web").Body.BlocksOf("ingress")); n != 2 {
		t.Errorf("dynamic ingress: %d blocks, want 2", n)
	}
	if got := cfg.ProviderConstraints("aws"); len(got) != 1 || got[0] != "~> 5.0" {
		t.Errorf("provider constraints = %q", got)
	}
}
