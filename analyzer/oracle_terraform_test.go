package analyzer

// Running Terraform for the oracle test (oracle_test.go): an offline,
// credential-free plan of a tree, batched, with the provider linked from a
// local filesystem mirror instead of copied.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// oracleEnv is where Terraform runs from.
type oracleEnv struct {
	terraform string
	mirror    string
	provider  string // the provider's platform directory in the mirror
	lockFile  string // a dependency lock file for the mirror's provider
	workDir   string

	// planned are the root modules planned so far (batches and trees
	// planned alone), each with its plan in onus_oracle_plan.json, for
	// the plan scan parity test.
	mu      sync.Mutex
	planned []PlannedTree
}

// addPlanned records a planned root module.
func (env *oracleEnv) addPlanned(pt PlannedTree) {
	env.mu.Lock()
	defer env.mu.Unlock()
	env.planned = append(env.planned, pt)
}

// plannedRoots returns the planned root modules in a stable order.
func (env *oracleEnv) plannedRoots() []PlannedTree {
	env.mu.Lock()
	defer env.mu.Unlock()
	out := append([]PlannedTree(nil), env.planned...)
	sort.Slice(out, func(i, j int) bool { return out[i].Dir < out[j].Dir })
	return out
}

const oracleProviderVersion = "5.100.0"

func oracleEnvironment(t *testing.T) *oracleEnv {
	t.Helper()
	tf, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("terraform is not on the PATH; the oracle test needs Terraform 1.x")
	}
	mirror := os.Getenv("ONUS_TF_PLUGIN_DIR")
	if mirror == "" {
		mirror = "/opt/tf-plugins"
	}
	provider := filepath.Join(mirror, "registry.terraform.io", "hashicorp", "aws", oracleProviderVersion, "linux_amd64")
	if _, err := os.Stat(provider); err != nil {
		t.Skipf("the AWS provider %s is not in the mirror %s (set ONUS_TF_PLUGIN_DIR to the folder holding registry.terraform.io/)", oracleProviderVersion, mirror)
	}
	hash, err := providerHash(provider)
	if err != nil {
		t.Fatalf("hashing the provider: %v", err)
	}
	work := t.TempDir()
	if d := os.Getenv("ONUS_ORACLE_WORKDIR"); d != "" {
		// Keep Terraform's working directories, to look into a failure.
		work = d
		if err := os.MkdirAll(work, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	lock := filepath.Join(work, "terraform.lock.hcl")
	lockSrc := fmt.Sprintf("provider \"registry.terraform.io/hashicorp/aws\" {\n  version = %q\n  hashes = [\n    %q,\n  ]\n}\n", oracleProviderVersion, hash)
	if err := os.WriteFile(lock, []byte(lockSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	return &oracleEnv{terraform: tf, mirror: mirror, provider: provider, lockFile: lock, workDir: work}
}

// providerHash computes Terraform's "h1:" hash of an unpacked provider
// directory, so that a lock file can be written and `terraform init` can
// reuse the mirror's copy through a symbolic link instead of copying it.
func providerHash(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var summary strings.Builder
	for _, n := range names {
		f, err := os.Open(filepath.Join(dir, n))
		if err != nil {
			return "", err
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		_ = f.Close()
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&summary, "%x  %s\n", h.Sum(nil), n)
	}
	sum := sha256.Sum256([]byte(summary.String()))
	return "h1:" + base64.StdEncoding.EncodeToString(sum[:]), nil
}

// planAll plans the units in batches, at most parallel terraform runs at a
// time. When a batch fails, the trees Terraform's errors name are planned
// alone and the rest are batched again; a failure naming no tree splits the
// batch in two.
func (env *oracleEnv) planAll(t *testing.T, units []*oracleUnit, parallel int) {
	t.Helper()
	var todo []*oracleUnit
	for _, u := range units {
		if u.skip == "" {
			todo = append(todo, u)
		}
	}
	const batchSize = 24
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	var mu sync.Mutex
	n := 0
	var planBatch func(batch []*oracleUnit)
	spawn := func(batch []*oracleUnit) {
		if len(batch) == 0 {
			return
		}
		wg.Add(1)
		go planBatch(batch)
	}
	planBatch = func(batch []*oracleUnit) {
		defer wg.Done()
		sem <- struct{}{}
		mu.Lock()
		n++
		id := n
		mu.Unlock()
		dir := filepath.Join(env.workDir, fmt.Sprintf("batch%03d", id))
		if len(batch) == 1 {
			err := env.planAlone(t, dir, batch[0])
			<-sem
			if err != nil {
				batch[0].planErr = err.Error()
			}
			return
		}
		err := env.planBatch(t, dir, batch)
		<-sem
		if err == nil {
			return
		}
		named := map[int]bool{}
		for _, m := range batchModuleRE.FindAllStringSubmatch(err.Error(), -1) {
			if i, convErr := strconv.Atoi(m[1]); convErr == nil && i < len(batch) {
				named[i] = true
			}
		}
		if len(named) == 0 {
			half := len(batch) / 2
			spawn(batch[:half])
			spawn(batch[half:])
			return
		}
		var rest []*oracleUnit
		for i, u := range batch {
			if named[i] {
				spawn([]*oracleUnit{u})
			} else {
				rest = append(rest, u)
			}
		}
		spawn(rest)
	}
	for i := 0; i < len(todo); i += batchSize {
		spawn(todo[i:min(i+batchSize, len(todo))])
	}
	wg.Wait()
}

// batchModuleRE finds the trees of a batch that Terraform's errors name:
// "module.t03." in an address or "t03/" in a file name.
var batchModuleRE = regexp.MustCompile(`(?:module\.t|\bt)(\d\d)[./]`)

// planBatch plans several units as child modules of one generated root.
func (env *oracleEnv) planBatch(t *testing.T, dir string, batch []*oracleUnit) error {
	var root strings.Builder
	root.WriteString(oracleProviderBlock(true))
	for i, u := range batch {
		child := fmt.Sprintf("t%02d", i)
		copyOracleTree(t, u.tree.dir, filepath.Join(dir, child))
		prepareForPlan(t, filepath.Join(dir, child))
		fmt.Fprintf(&root, "\nmodule %q {\n  source = %q\n", child, "./"+filepath.ToSlash(filepath.Join(child, u.rootRel)))
		for _, name := range sortedKeys(u.inputs) {
			fmt.Fprintf(&root, "  %s = %s\n", name, u.inputs[name])
		}
		root.WriteString("}\n")
	}
	writeOracleFile(t, filepath.Join(dir, "onus_oracle_main.tf"), []byte(root.String()))
	doc, err := env.plan(dir, nil)
	if err != nil {
		return err
	}
	names := make([]string, len(batch))
	for i, u := range batch {
		names[i] = u.name
	}
	// Every input is written in the generated root: no variables to give.
	env.addPlanned(PlannedTree{Name: "batch of " + strings.Join(names, ", "), Dir: dir})
	insts := doc.PlanInstances()
	for i, u := range batch {
		prefix := fmt.Sprintf("module.t%02d.", i)
		u.plan = nil
		for _, in := range insts {
			if !strings.HasPrefix(in.Address, prefix) {
				continue
			}
			in.Address = strings.TrimPrefix(in.Address, prefix)
			if in.Type == "terraform_data" && in.Name == oracleDeferName {
				continue
			}
			u.plan = append(u.plan, in)
		}
		if u.plan == nil {
			u.plan = []PlanInstance{}
		}
	}
	return nil
}

// planAlone plans one unit as the root module, as a user would.
func (env *oracleEnv) planAlone(t *testing.T, dir string, u *oracleUnit) error {
	copyOracleTree(t, u.tree.dir, dir)
	rootDir := filepath.Join(dir, u.rootRel)
	prepareForPlan(t, dir)
	if !hasDefaultAWSProvider(rootDir) {
		writeOracleFile(t, filepath.Join(rootDir, "onus_oracle_provider.tf"), []byte(oracleProviderBlock(false)))
	}
	var doc *PlanDocument
	var err error
	for attempt := 0; attempt < 4; attempt++ {
		var args []string
		for _, f := range u.tree.varFiles {
			args = append(args, "-var-file="+filepath.Join(dir, f))
		}
		for _, kv := range u.tree.vars {
			args = append(args, "-var="+kv)
		}
		for _, kv := range u.placeholders {
			args = append(args, "-var="+kv)
		}
		doc, err = env.plan(rootDir, args)
		u.planDir, u.planTree = rootDir, dir
		if err == nil || !u.fixPlaceholder(err) {
			break
		}
	}
	if err != nil {
		if verr := env.validate(rootDir); verr != nil {
			return fmt.Errorf("%v; validate: %v", err, verr)
		}
		return err
	}
	var out []PlanInstance
	for _, in := range doc.PlanInstances() {
		if in.Type == "terraform_data" && in.Name == oracleDeferName {
			continue
		}
		out = append(out, in)
	}
	if out == nil {
		out = []PlanInstance{}
	}
	u.plan = out
	env.addPlanned(u.plannedTree())
	return nil
}

// enumRE reads the provider's complaint about a value outside a fixed
// set: `expected X to be one of ["a" "b"], got VALUE`.
var enumRE = regexp.MustCompile(`to be one of \[([^\]]*)\], got (\S+)`)

// fixPlaceholder replaces a placeholder the provider refused as outside
// its allowed values with the first allowed value, so that the tree can be
// planned after all; onus is given the same value. It reports whether a
// placeholder was changed.
func (u *oracleUnit) fixPlaceholder(err error) bool {
	m := enumRE.FindStringSubmatch(err.Error())
	if m == nil {
		return false
	}
	allowed := strings.Fields(m[1])
	if len(allowed) == 0 {
		return false
	}
	first := strings.Trim(allowed[0], `"`)
	changed := false
	for i, kv := range u.placeholders {
		name, val, _ := strings.Cut(kv, "=")
		if !strings.Contains(val, m[2]) {
			continue
		}
		if val == m[2] {
			u.placeholders[i] = name + "=" + first
		} else {
			u.placeholders[i] = name + "=" + strings.ReplaceAll(val, strconv.Quote(m[2]), strconv.Quote(first))
		}
		u.inputs[name] = strings.ReplaceAll(u.inputs[name], strconv.Quote(m[2]), strconv.Quote(first))
		u.revaluate, changed = true, true
	}
	return changed
}

func oracleProviderBlock(withRequired bool) string {
	var b strings.Builder
	if withRequired {
		b.WriteString("terraform {\n  required_providers {\n    aws = { source = \"hashicorp/aws\" }\n  }\n}\n\n")
	}
	b.WriteString("provider \"aws\" {\n  region = \"us-east-1\"\n" + oracleMockSettings + "}\n")
	return b.String()
}

// oracleMockSettings let the provider plan offline without credentials.
const oracleMockSettings = `  access_key                  = "mock"
  secret_key                  = "mock"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
`

// oracleDeferName names the resource that data sources needing AWS are
// made to depend on, so that Terraform defers reading them to apply (their
// results unknown, as onus has them) instead of calling AWS during the plan.
const oracleDeferName = "onus_oracle_defer"

// localDataSources are the data sources the AWS provider computes without
// calling AWS; they are read during the plan as usual.
var localDataSources = map[string]bool{
	"aws_iam_policy_document": true, "aws_partition": true, "aws_region": true,
	"aws_arn": true, "aws_default_tags": true, "aws_service_principal": true,
}

// prepareForPlan edits a copied tree so that Terraform can plan it offline:
// every provider "aws" block gets mock credentials (through an override
// file, leaving its other settings), and every data source that needs AWS is
// deferred to apply.
func prepareForPlan(t *testing.T, root string) {
	t.Helper()
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		files, _ := filepath.Glob(filepath.Join(path, "*.tf"))
		var aliases []string
		hasRegion := map[string]bool{}
		deferred := false
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			wf, diags := hclwrite.ParseConfig(src, f, hcl.InitialPos)
			if diags.HasErrors() {
				continue
			}
			for _, b := range wf.Body().Blocks() {
				labels := b.Labels()
				if b.Type() != "provider" || len(labels) != 1 || labels[0] != "aws" {
					continue
				}
				alias := ""
				if a := b.Body().GetAttribute("alias"); a != nil {
					alias = strings.Trim(strings.TrimSpace(string(a.Expr().BuildTokens(nil).Bytes())), `"`)
				}
				aliases = append(aliases, alias)
				if b.Body().GetAttribute("region") != nil {
					hasRegion[alias] = true
				}
			}
			if out, n := deferDataSources(src, f); n > 0 {
				writeOracleFile(t, f, out)
				deferred = true
			}
		}
		if deferred {
			writeOracleFile(t, filepath.Join(path, "onus_oracle_defer.tf"), []byte(fmt.Sprintf("resource \"terraform_data\" %q {}\n", oracleDeferName)))
		}
		if len(aliases) > 0 {
			var b strings.Builder
			for _, alias := range aliases {
				b.WriteString("provider \"aws\" {\n")
				if alias != "" {
					fmt.Fprintf(&b, "  alias = %q\n", alias)
				}
				if !hasRegion[alias] {
					b.WriteString("  region = \"us-east-1\"\n")
				}
				b.WriteString(oracleMockSettings + "}\n")
			}
			writeOracleFile(t, filepath.Join(path, "onus_oracle_override.tf"), []byte(b.String()))
		}
		return nil
	})
}

// deferDataSources adds `depends_on = [terraform_data.onus_oracle_defer]`
// to every data source of the file that needs AWS and has no depends_on,
// just after its opening brace, and returns the new source and how many it
// changed.
func deferDataSources(src []byte, name string) ([]byte, int) {
	f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		return src, 0
	}
	var offsets []int
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		if b.Type != "data" || len(b.Labels) != 2 || !strings.HasPrefix(b.Labels[0], "aws_") || localDataSources[b.Labels[0]] {
			continue
		}
		if _, has := b.Body.Attributes["depends_on"]; has {
			continue
		}
		offsets = append(offsets, b.OpenBraceRange.End.Byte)
	}
	insert := []byte("\n  depends_on = [terraform_data." + oracleDeferName + "]\n")
	out := append([]byte(nil), src...)
	for i := len(offsets) - 1; i >= 0; i-- {
		at := offsets[i]
		out = append(out[:at], append(append([]byte(nil), insert...), out[at:]...)...)
	}
	return out, len(offsets)
}

func hasDefaultAWSProvider(dir string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		wf, diags := hclwrite.ParseConfig(src, f, hcl.InitialPos)
		if diags.HasErrors() {
			continue
		}
		for _, b := range wf.Body().Blocks() {
			if b.Type() == "provider" && len(b.Labels()) == 1 && b.Labels()[0] == "aws" && b.Body().GetAttribute("alias") == nil {
				return true
			}
		}
	}
	return false
}

// plan runs init, plan and show in dir and returns the plan.
func (env *oracleEnv) plan(dir string, args []string) (*PlanDocument, error) {
	if err := env.init(dir); err != nil {
		return nil, err
	}
	planArgs := append([]string{"plan", "-refresh=false", "-lock=false", "-input=false", "-no-color", "-out=onus_oracle.tfplan"}, args...)
	if _, err := env.run(dir, planArgs...); err != nil {
		return nil, err
	}
	out, err := env.run(dir, "show", "-json", "onus_oracle.tfplan")
	if err != nil {
		return nil, err
	}
	// Kept beside the plan file, for the plan scan parity test.
	if err := os.WriteFile(filepath.Join(dir, "onus_oracle_plan.json"), out, 0o644); err != nil {
		return nil, err
	}
	return ParsePlan(out)
}

func (env *oracleEnv) validate(dir string) error {
	_, err := env.run(dir, "validate", "-no-color")
	return err
}

// init initialises dir against the mirror. The provider is linked, not
// copied: a lock file with its hash and a link in .terraform/providers make
// init reuse it.
func (env *oracleEnv) init(dir string) error { return env.initGet(dir, true) }

// initGet is init; without get, modules must already be installed (as
// .terraform/modules/modules.json lists them) and none is downloaded.
func (env *oracleEnv) initGet(dir string, get bool) error {
	lock, err := os.ReadFile(env.lockFile)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, ".terraform.lock.hcl"), lock, 0o644); err != nil {
		return err
	}
	link := filepath.Join(dir, ".terraform", "providers", "registry.terraform.io", "hashicorp", "aws", oracleProviderVersion, "linux_amd64")
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		return err
	}
	if err := os.Symlink(env.provider, link); err != nil && !os.IsExist(err) {
		return err
	}
	args := []string{"init", "-input=false", "-no-color", "-backend=false", "-plugin-dir=" + env.mirror}
	if !get {
		args = append(args, "-get=false")
	}
	_, err = env.run(dir, args...)
	return err
}

func (env *oracleEnv) run(dir string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, env.terraform, args...)
	cmd.Dir = dir
	// An empty CLI configuration and no inherited credentials or variables:
	// the run depends on the tree alone.
	var environ []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "AWS_") || strings.HasPrefix(kv, "TF_") {
			continue
		}
		environ = append(environ, kv)
	}
	environ = append(environ, "TF_CLI_CONFIG_FILE="+os.DevNull, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1", "TF_INPUT=0")
	cmd.Env = environ
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = strings.TrimSpace(string(out))
		}
		return nil, &tfError{cmd: args[0], err: err, output: msg}
	}
	return out, nil
}

// tfError is a failed terraform command with its whole output.
type tfError struct {
	cmd    string
	err    error
	output string
}

// Error keeps the first lines of Terraform's output; the full output is
// searched for the trees it names.
func (e *tfError) Error() string {
	return fmt.Sprintf("terraform %s: %v: %s\n%s", e.cmd, e.err, summarizeTFError(e.output), e.output)
}

// summarizeTFError keeps the first error of Terraform's output on one line.
func summarizeTFError(msg string) string {
	var lines []string
	for _, l := range strings.Split(msg, "\n") {
		l = strings.TrimSpace(strings.Trim(l, "│╷╵ "))
		if l != "" {
			lines = append(lines, l)
		}
		if len(lines) >= 4 {
			break
		}
	}
	return strings.Join(lines, " | ")
}
