package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestInspect runs `onus inspect` on a small tree and checks the contract
// of its JSON output (the shape of Terraform's plan) and of its text.
func TestInspect(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), []byte(`
variable "kms_key_arn" {
  type = string
}

resource "aws_s3_bucket" "logs" {
  count  = 2
  bucket = "logs-${count.index}"
}

resource "aws_kms_key" "k" {
  enable_key_rotaton = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs[0].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
  }
}
`))
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"inspect", "--format", "json", dir}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	var doc struct {
		Tool      map[string]string `json:"tool"`
		Resources []struct {
			Address  string         `json:"address"`
			Mode     string         `json:"mode"`
			Type     string         `json:"type"`
			Index    any            `json:"index"`
			Location map[string]any `json:"location"`
			Values   map[string]any `json:"values"`
			Unknown  map[string]any `json:"unknown"`
		} `json:"resources"`
		Errors   []any `json:"errors"`
		Warnings []struct {
			File    string `json:"file"`
			Line    int    `json:"line"`
			Message string `json:"message"`
		} `json:"warnings"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, stdout.String())
	}
	if len(doc.Warnings) != 1 || doc.Warnings[0].Line != 12 || !strings.Contains(doc.Warnings[0].Message, `Did you mean "enable_key_rotation"?`) {
		t.Errorf("warnings = %+v, want one about enable_key_rotaton on line 12", doc.Warnings)
	}
	if len(doc.Resources) != 4 || doc.Errors == nil {
		t.Fatalf("got %d resources, errors %v:\n%s", len(doc.Resources), doc.Errors, stdout.String())
	}
	b := doc.Resources[1]
	if b.Address != "aws_s3_bucket.logs[0]" || b.Mode != "managed" || b.Type != "aws_s3_bucket" || b.Index != float64(0) {
		t.Errorf("first instance: %+v", b)
	}
	if b.Values["bucket"] != "logs-0" || b.Location["start_line"] != float64(6) {
		t.Errorf("values %v, location %v", b.Values, b.Location)
	}
	sse := doc.Resources[3]
	if sse.Unknown["bucket"] != true {
		t.Errorf("bucket of the SSE configuration should be unknown: %v", sse.Unknown)
	}
	rule, _ := sse.Values["rule"].([]any)
	if len(rule) != 1 {
		t.Fatalf("rule should be a list of one block: %v", sse.Values)
	}
	def, _ := rule[0].(map[string]any)["apply_server_side_encryption_by_default"].([]any)
	if len(def) != 1 || def[0].(map[string]any)["sse_algorithm"] != "aws:kms" {
		t.Errorf("nested block values: %v", rule)
	}

	stdout.Reset()
	if code := run(context.Background(), []string{"inspect", dir}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	text := stdout.String()
	for _, want := range []string{"aws_s3_bucket.logs[1]", `bucket = "logs-1"`, "kms_master_key_id = (unknown)", "apply_server_side_encryption_by_default {", "4 instances"} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}

	if code := run(context.Background(), []string{"inspect", "--format", "yaml", dir}, &stdout, &stderr); code != exitError {
		t.Errorf("an unknown format should exit 2, got %d", code)
	}
}
