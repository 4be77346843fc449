package analyzer

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratePlanFixtures writes testdata/plans/*/plan.json: each case
// directory is planned with the real Terraform, offline, like the oracle
// test does, and the JSON plan is stored beside the tree, so that the plan
// scan tests (cmd/onus/plan_test.go) run without Terraform. It runs only
// with ONUS_UPDATE_PLANS=1 and skips without terraform or the provider
// mirror.
//
// A case may stand for a module from a registry: planModuleSources maps the
// case to the module's code, which is installed under .terraform/modules of
// the scratch copy only. The committed tree calls the module by its registry
// address, so an HCL scan cannot see inside it and the plan scan can.
func TestGeneratePlanFixtures(t *testing.T) {
	if os.Getenv("ONUS_UPDATE_PLANS") == "" {
		t.Skip("set ONUS_UPDATE_PLANS=1 to regenerate testdata/plans/*/plan.json with terraform")
	}
	env := oracleEnvironment(t)
	cases, _ := filepath.Glob(filepath.Join("..", "testdata", "plans", "*"))
	for _, c := range cases {
		if info, err := os.Stat(c); err != nil || !info.IsDir() {
			continue
		}
		name := filepath.Base(c)
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			copyOracleTree(t, c, dir)
			_ = os.Remove(filepath.Join(dir, "plan.json"))
			if mods := planModuleSources[name]; mods != nil {
				installModules(t, dir, mods)
			}
			prepareForPlan(t, dir)
			if !hasDefaultAWSProvider(dir) {
				writeOracleFile(t, filepath.Join(dir, "onus_oracle_provider.tf"), []byte(oracleProviderBlock(false)))
			}
			doc, raw, err := env.planRaw(dir)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Errored {
				t.Fatal("the plan errored")
			}
			// The timestamp changes on every run; nothing reads it.
			var top map[string]json.RawMessage
			if err := json.Unmarshal(raw, &top); err != nil {
				t.Fatal(err)
			}
			delete(top, "timestamp")
			out, err := json.Marshal(top)
			if err != nil {
				t.Fatal(err)
			}
			var pretty bytes.Buffer
			if err := json.Indent(&pretty, out, "", " "); err != nil {
				t.Fatal(err)
			}
			pretty.WriteByte('\n')
			if err := os.WriteFile(filepath.Join(c, "plan.json"), pretty.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// planModuleSources holds, per case, the code of modules that stand for
// registry modules: call name → file name → content.
var planModuleSources = map[string]map[string]map[string]string{
	"remote_module": {
		"assets": {
			"main.tf": `variable "name" {
  type = string
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = false
  block_public_policy     = true
  ignore_public_acls      = false
  restrict_public_buckets = true
}

resource "aws_s3_bucket_acl" "this" {
  bucket     = aws_s3_bucket.this.id
  acl        = "public-read"
  depends_on = [aws_s3_bucket_ownership_controls.this, aws_s3_bucket_public_access_block.this]
}

output "arn" {
  value = aws_s3_bucket.this.arn
}
`,
		},
	},
}

// installModules writes modules as `terraform init` would have installed
// them: under .terraform/modules, listed in modules.json.
func installModules(t *testing.T, dir string, mods map[string]map[string]string) {
	t.Helper()
	type entry struct {
		Key     string `json:"Key"`
		Source  string `json:"Source"`
		Version string `json:"Version,omitempty"`
		Dir     string `json:"Dir"`
	}
	manifest := struct {
		Modules []entry `json:"Modules"`
	}{Modules: []entry{{Key: "", Source: "", Dir: "."}}}
	p, err := Load(t.Context(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range sortedKeys(mods) {
		for file, content := range mods[name] {
			writeOracleFile(t, filepath.Join(dir, ".terraform", "modules", name, file), []byte(content))
		}
		e := entry{Key: name, Dir: ".terraform/modules/" + name}
		for _, mc := range p.dir(absPath(dir)).decl.modules {
			if mc.name == name {
				e.Source = "registry.terraform.io/" + mc.source
			}
		}
		e.Version = "1.0.0"
		manifest.Modules = append(manifest.Modules, e)
	}
	data, err := json.Marshal(manifest)
	if err != nil {
		t.Fatal(err)
	}
	writeOracleFile(t, filepath.Join(dir, ".terraform", "modules", "modules.json"), data)
}

// planRaw plans dir as a root module and returns the plan, parsed and raw.
func (env *oracleEnv) planRaw(dir string) (*PlanDocument, []byte, error) {
	if err := env.initGet(dir, !fileExists(filepath.Join(dir, ".terraform", "modules", "modules.json"))); err != nil {
		return nil, nil, err
	}
	if _, err := env.run(dir, "plan", "-refresh=false", "-lock=false", "-input=false", "-no-color", "-out=onus_oracle.tfplan"); err != nil {
		return nil, nil, err
	}
	out, err := env.run(dir, "show", "-json", "onus_oracle.tfplan")
	if err != nil {
		return nil, nil, err
	}
	doc, err := ParsePlan(out)
	return doc, out, err
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
