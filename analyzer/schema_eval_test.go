package analyzer

import "testing"

// TestJSONBodiesReadWithTheSchema: in a .tf.json body only the provider
// schema tells a nested block from an argument holding an object.
func TestJSONBodiesReadWithTheSchema(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf.json": `{
  "resource": {
    "aws_network_acl_rule": {
      "out": {"network_acl_id": "acl-1", "rule_number": 100, "egress": true, "protocol": "-1", "rule_action": "allow", "cidr_block": "0.0.0.0/0"}
    },
    "aws_lambda_permission": {
      "invoke": {"function_name": "f", "action": "lambda:InvokeFunction", "principal": "s3.amazonaws.com"}
    },
    "aws_s3_bucket_lifecycle_configuration": {
      "logs": {
        "bucket": "logs",
        "rule": [{
          "id": "archive",
          "status": "Enabled",
          "filter": {"and": {"prefix": "logs/", "tags": {"class": "archive"}}},
          "abort_incomplete_multipart_upload": {
            "days_after_initiation": 7
          }
        }]
      }
    },
    "custom_thing": {
      "x": {"rule": {"a": 1}, "settings": {"b": 2}}
    }
  }
}`})
	cfgs, diags := evaluate(t, dir, Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	// egress and action are arguments here (blocks on other types, and in
	// the list onus kept before it read the schema).
	rule := mustResource(t, cfgs, "aws_network_acl_rule.out")
	if v, ok := rule.Body.Attr("egress").Bool(); !ok || !v {
		t.Errorf("egress = %v (known %v), want true", v, ok)
	}
	perm := mustResource(t, cfgs, "aws_lambda_permission.invoke")
	if v, ok := perm.Body.Attr("action").String(); !ok || v != "lambda:InvokeFunction" {
		t.Errorf("action = %q (known %v)", v, ok)
	}
	lc := mustResource(t, cfgs, "aws_s3_bucket_lifecycle_configuration.logs")
	r := lc.Body.FirstBlock("rule")
	and := r.FirstBlock("filter").FirstBlock("and")
	if and == nil {
		t.Fatalf("rule.filter.and should be a block: %+v", r.FirstBlock("filter"))
	}
	// tags is an argument holding an object, inside a block the old list
	// did not know.
	if tags := and.Attr("tags"); tags == nil || !tags.Value.Type().IsObjectType() && !tags.Value.Type().IsMapType() {
		t.Errorf("and.tags should be an object argument: %+v", tags)
	}
	abort := r.FirstBlock("abort_incomplete_multipart_upload")
	if abort == nil {
		t.Fatal("abort_incomplete_multipart_upload should be a block")
	}
	// The argument's range is its own line, not the enclosing object's.
	if d := abort.Attr("days_after_initiation"); d == nil || d.Range.Start.Line != abort.DefRange.Start.Line+1 {
		t.Errorf("days_after_initiation range = %v, block at %v", d.Range, abort.DefRange)
	}
	// A type the schema does not have falls back to the list of names.
	x := mustResource(t, cfgs, "custom_thing.x")
	if len(x.Body.BlocksOf("rule")) != 1 || x.Body.Attr("settings") == nil {
		t.Errorf("custom_thing.x: blocks %v, attributes %v", x.Body.Blocks, x.Body.Attributes)
	}
}

// TestWholeInstanceThroughModuleOutput: a resource returned whole by a
// module has every attribute of its schema, so a computed one read by the
// caller is unknown, and try() does not take its fallback.
func TestWholeInstanceThroughModuleOutput(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `
module "site" {
  source = "./bucket"
}

resource "aws_ssm_parameter" "origin" {
  name  = "/site/origin"
  type  = "String"
  value = try(module.site.bucket.bucket_regional_domain_name, "origin.invalid")
}
`,
		"bucket/main.tf": `
resource "aws_s3_bucket" "this" {
  bucket = "site"
}

output "bucket" {
  value = aws_s3_bucket.this
}
`,
	})
	cfgs, _ := evaluate(t, dir, Options{})
	p := mustResource(t, cfgs, "aws_ssm_parameter.origin")
	a := p.Body.Attr("value")
	if a == nil || a.Value.IsKnown() {
		t.Fatalf("value = %#v, want unknown", a)
	}
	want := Ref{Address: "module.site.aws_s3_bucket.this", Attr: "bucket_regional_domain_name"}
	found := false
	for _, r := range a.Refs {
		found = found || r == want
	}
	if !found {
		t.Errorf("refs = %v, want %v", a.Refs, want)
	}
}
