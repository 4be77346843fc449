package analyzer

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// schemaTree writes files under a temporary directory and evaluates it.
func schemaTree(t *testing.T, files map[string]string) []*Config {
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
	p, err := Load(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfgs, _ := p.Evaluate(context.Background())
	return cfgs
}

func lookup(t *testing.T, cfgs []*Config, addr string) *Resource {
	t.Helper()
	for _, c := range cfgs {
		if r := c.Lookup(addr); r != nil {
			return r
		}
	}
	t.Fatalf("no %s", addr)
	return nil
}

func TestSchemaTable(t *testing.T) {
	info := ProviderSchemaInfo()
	if info.Version == "" || info.License != "MPL-2.0" {
		t.Fatalf("schema header = %+v", info)
	}
	s := schemaFor(Managed, "aws_s3_bucket")
	if s == nil {
		t.Fatal("no schema for aws_s3_bucket")
	}
	if a := s.Attributes["arn"]; a == nil || !a.Computed || a.typ != cty.String {
		t.Errorf("aws_s3_bucket.arn = %+v, want a computed-only string", a)
	}
	if nb := s.Blocks["versioning"]; nb == nil || nb.Nesting != "list" || nb.Max != 1 {
		t.Errorf("aws_s3_bucket versioning = %+v, want a list block of at most one", nb)
	}
	if schemaFor(Data, "aws_iam_policy_document") == nil {
		t.Error("no schema for data aws_iam_policy_document")
	}
	if schemaFor(Managed, "random_password") != nil || schemaFor(Managed, "aws_no_such_thing") != nil {
		t.Error("a schema for a type the AWS provider does not have")
	}
}

func TestNormalizeBody(t *testing.T) {
	cfgs := schemaTree(t, map[string]string{"main.tf": `
variable "days" {
  default = "30"
}

resource "aws_kms_key" "k" {
  enable_key_rotation     = "true"
  deletion_window_in_days = var.days
  tags = {
    Count = 3
  }
}

resource "aws_launch_template" "lt" {
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted   = true
      volume_size = "20"
    }
  }
}

resource "aws_security_group" "sg" {
  ingress {
    from_port   = "22"
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/x/1"
  protocol          = "http"
  port              = 80
}
`})
	k := lookup(t, cfgs, "aws_kms_key.k")
	if v := k.Attr("enable_key_rotation").Value; v != cty.True {
		t.Errorf(`enable_key_rotation = "true" gives %#v, want true`, v)
	}
	if v := k.Attr("deletion_window_in_days").Value; !v.RawEquals(cty.NumberIntVal(30)) {
		t.Errorf(`deletion_window_in_days = "30" gives %#v, want 30`, v)
	}
	if v := GetAttr(k.Attr("tags").Value, "Count"); v != cty.StringVal("3") {
		t.Errorf("tags.Count = 3 gives %#v, want \"3\"", v)
	}
	lt := lookup(t, cfgs, "aws_launch_template.lt")
	ebs := lt.Body.FirstBlock("block_device_mappings").FirstBlock("ebs")
	// The provider types launch-template encrypted as a string ("true",
	// "false" or "" for the AMI's setting): it stays a string.
	if v := ebs.Attr("encrypted").Value; v != cty.StringVal("true") {
		t.Errorf("launch template encrypted = %#v, want the string \"true\"", v)
	}
	if v := ebs.Attr("volume_size").Value; !v.RawEquals(cty.NumberIntVal(20)) {
		t.Errorf("volume_size = %#v, want 20", v)
	}
	sg := lookup(t, cfgs, "aws_security_group.sg")
	if v := sg.Body.FirstBlock("ingress").Attr("from_port").Value; !v.RawEquals(cty.NumberIntVal(22)) {
		t.Errorf(`ingress from_port = "22" gives %#v, want 22`, v)
	}
	if v := lookup(t, cfgs, "aws_lb_listener.http").Attr("protocol").Value; v != cty.StringVal("HTTP") {
		t.Errorf(`protocol = "http" gives %#v, want "HTTP" as the provider plans it`, v)
	}
}

func TestNormalizeJSONBody(t *testing.T) {
	cfgs := schemaTree(t, map[string]string{"main.tf.json": `{
  "resource": {
    "aws_s3_bucket": {
      "b": {
        "bucket": "x",
        "cors_rule": [{"allowed_methods": ["GET"], "allowed_origins": ["*"]}]
      }
    },
    "aws_eks_cluster": {
      "c": {
        "name": "c",
        "role_arn": "arn:aws:iam::111122223333:role/eks",
        "vpc_config": {"subnet_ids": ["subnet-1"], "endpoint_public_access": "false"}
      }
    }
  }
}`})
	b := lookup(t, cfgs, "aws_s3_bucket.b")
	if rules := b.Body.BlocksOf("cors_rule"); len(rules) != 1 || b.Attr("cors_rule") != nil {
		t.Fatalf("cors_rule in .tf.json should be one block, got %d blocks and attribute %v", len(rules), b.Attr("cors_rule"))
	}
	c := lookup(t, cfgs, "aws_eks_cluster.c")
	vc := c.Body.FirstBlock("vpc_config")
	if vc == nil {
		t.Fatal("vpc_config should be a block")
	}
	if v := vc.Attr("endpoint_public_access").Value; v != cty.False {
		t.Errorf(`endpoint_public_access = "false" gives %#v, want false`, v)
	}
	if isBlock, known := SchemaBlockName(Managed, "aws_s3_bucket", nil, "cors_rule"); !isBlock || !known {
		t.Error("SchemaBlockName(aws_s3_bucket, cors_rule) should be a block")
	}
	if isBlock, known := SchemaBlockName(Managed, "aws_s3_bucket", nil, "tags"); isBlock || !known {
		t.Error("SchemaBlockName(aws_s3_bucket, tags) should be an argument")
	}
	if isBlock, known := SchemaBlockName(Managed, "aws_s3_bucket_server_side_encryption_configuration", []string{"rule"}, "apply_server_side_encryption_by_default"); !isBlock || !known {
		t.Error("nested block path not followed")
	}
	if _, known := SchemaBlockName(Managed, "custom_thing", nil, "x"); known {
		t.Error("an unknown type should not be known")
	}
}

func TestSchemaDiagnostics(t *testing.T) {
	cfgs := schemaTree(t, map[string]string{"main.tf": `
resource "aws_kms_key" "k" {
  description        = "data"
  enable_key_rotaton = true
  arn                = "arn:aws:kms:us-east-1:111122223333:key/x"
}

resource "aws_s3_bucket" "b" {
  bucket = "x"
  versioning {
    enabeld = true
  }
  loging {
    target_bucket = "logs"
  }
}

resource "aws_sqs_queue" "not_checked" {
  queue_nam = "q"
}
`})
	checks := []*Check{{ID: "kms", Resources: []string{"aws_kms_key", "aws_s3_bucket"}}}
	diags := SchemaDiagnostics(cfgs, checks)
	var got []string
	for _, d := range diags {
		got = append(got, d.Subject.Filename[strings.LastIndex(d.Subject.Filename, "/")+1:]+":"+strconv.Itoa(d.Subject.Start.Line)+" "+d.Detail)
	}
	want := []string{
		`main.tf:4 aws_kms_key has no argument "enable_key_rotaton"`, `Did you mean "enable_key_rotation"?`,
		`main.tf:5 aws_kms_key: "arn" is set by the provider`,
		`main.tf:11 aws_s3_bucket block versioning has no argument "enabeld"`, `Did you mean "enabled"?`,
		`main.tf:13 aws_s3_bucket has no block type "loging"`, `Did you mean "logging"?`,
	}
	joined := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("diagnostics lack %q:\n%s", w, joined)
		}
	}
	if len(diags) != 4 {
		t.Errorf("got %d diagnostics, want 4 (the unchecked aws_sqs_queue is not audited):\n%s", len(diags), joined)
	}
	for _, d := range diags {
		if d.Severity != hcl.DiagWarning {
			t.Errorf("%s is not a warning", d.Detail)
		}
	}
}

func TestClosestName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"enable_key_rotaton", "enable_key_rotation"},
		{"versionng", "versioning"},
		{"completely_different", ""},
	}
	cands := []string{"enable_key_rotation", "versioning", "description"}
	for _, tt := range tests {
		if got := closestName(tt.name, cands); got != tt.want {
			t.Errorf("closestName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	if d := editDistance("kitten", "sitting"); d != 3 {
		t.Errorf("editDistance = %d, want 3", d)
	}
}

func TestCompleteInstanceObject(t *testing.T) {
	obj := map[string]cty.Value{"bucket": cty.StringVal("x")}
	completeInstanceObject(Managed, "aws_s3_bucket", "aws_s3_bucket.b", obj)
	arn, marks := obj["arn"].Unmark()
	if arn.IsKnown() || len(marks) == 0 {
		t.Errorf("arn = %#v, want unknown and marked with a Ref", obj["arn"])
	}
	// Optional: the provider gives it a default (false) that the schema
	// does not record, so onus must not claim null.
	if v, _ := obj["force_destroy"].Unmark(); v.IsKnown() {
		t.Errorf("force_destroy = %#v, want unknown", obj["force_destroy"])
	}
	if v := obj["bucket"]; v != cty.StringVal("x") {
		t.Errorf("bucket = %#v, want the configured value", v)
	}
	if v, _ := obj["cors_rule"].Unmark(); v.IsKnown() {
		t.Errorf("cors_rule = %#v, want unknown", obj["cors_rule"])
	}
}

func TestConformValue(t *testing.T) {
	tests := []struct {
		name string
		v    cty.Value
		t    cty.Type
		want cty.Value
	}{
		{"string to bool", cty.StringVal("true"), cty.Bool, cty.True},
		{"bad bool stays", cty.StringVal("yes please"), cty.Bool, cty.StringVal("yes please")},
		{"number to string", cty.NumberIntVal(3), cty.String, cty.StringVal("3")},
		{"tuple keeps its kind", cty.TupleVal([]cty.Value{cty.NumberIntVal(1)}), cty.Set(cty.String), cty.TupleVal([]cty.Value{cty.StringVal("1")})},
		{"unknown gets the type", cty.DynamicVal, cty.Bool, cty.UnknownVal(cty.Bool)},
		{"null stays", cty.NullVal(cty.String), cty.Bool, cty.NullVal(cty.String)},
		{"object as map", cty.ObjectVal(map[string]cty.Value{"a": cty.True}), cty.Map(cty.String), cty.ObjectVal(map[string]cty.Value{"a": cty.StringVal("true")})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := conformValue(tt.v, tt.t); !got.RawEquals(tt.want) {
				t.Errorf("conformValue = %#v, want %#v", got, tt.want)
			}
		})
	}
}
