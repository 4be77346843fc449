package analyzer

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// TestModuleCallWaves: module calls ready at the same time are evaluated
// side by side, and the configuration is the one evaluating them one after
// another gives — instances, values, module tree and diagnostics — also when
// the instance budget runs out in the middle of a wave.
func TestModuleCallWaves(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var root strings.Builder
	root.WriteString("variable \"n\" {\n  default = 3\n}\n")
	for i := range 6 {
		fmt.Fprintf(&root, "module \"m%d\" {\n  source = \"./mod\"\n  count  = var.n\n  name   = \"m%d-${count.index}\"\n}\n", i, i)
	}
	root.WriteString("module \"after\" {\n  source = \"./mod\"\n  name   = module.m0[0].id\n}\n")
	write("main.tf", root.String())
	write("mod/main.tf", `variable "name" {}
resource "aws_s3_bucket" "b" {
  count  = 2
  bucket = "${var.name}-${count.index}"
}
module "inner" {
  source = "./inner"
  for_each = toset(["x", "y"])
  prefix = "${var.name}-${each.key}"
}
output "id" {
  value = aws_s3_bucket.b[0].bucket
}
`)
	write("mod/inner/main.tf", `variable "prefix" {}
resource "aws_sqs_queue" "q" {
  name = var.prefix
}
`)
	evaluate := func(parallelism, maxInstances int) string {
		t.Helper()
		proj, err := Load(context.Background(), []string{dir}, Options{Parallelism: parallelism, MaxInstances: maxInstances})
		if err != nil {
			t.Fatal(err)
		}
		return renderEvaluation(proj.Evaluate(context.Background()))
	}
	for _, limit := range []int{10000, 4} {
		one := evaluate(1, limit)
		if limit == 10000 && !strings.Contains(one, `module.after.aws_s3_bucket.b[1] {"bucket":"m0-0-0-1"}`) {
			t.Fatalf("module.after should read module.m0[0]'s output:\n%s", one)
		}
		for _, par := range []int{2, 4, 8} {
			if diff := cmp.Diff(one, evaluate(par, limit)); diff != "" {
				t.Errorf("max instances %d, parallelism %d differs from one at a time (-want +got):\n%s", limit, par, diff)
			}
		}
	}
}

// renderEvaluation prints what an evaluation gives — every instance's
// values, the module tree and the diagnostics — for comparing evaluations.
func renderEvaluation(cfgs []*Config, diags hcl.Diagnostics) string {
	var b strings.Builder
	for _, in := range Inspect(cfgs) {
		v, _ := json.Marshal(in.Values)
		fmt.Fprintf(&b, "%s %s\n", in.Address, v)
	}
	for _, c := range cfgs {
		for _, m := range c.Modules {
			parent := ""
			if m.Parent != nil {
				parent = m.Parent.Path
			}
			fmt.Fprintf(&b, "module %q parent %q children %d\n", m.Path, parent, len(m.Children))
		}
	}
	sortDiagnostics(diags)
	for _, d := range diags {
		fmt.Fprintf(&b, "diag %s: %s: %s\n", d.Subject, d.Summary, d.Detail)
	}
	return b.String()
}
