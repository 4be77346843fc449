package analyzer_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/onus-sec/onus/analyzer"
	"github.com/onus-sec/onus/checks" //nolint:depguard // the parity test runs the real catalogue on both inputs
)

// TestOracle calls comparePlanScans on its own plans (batches of trees
// planned as child modules of one root) when ONUS_ORACLE_PLANSCAN is set.
func init() { analyzer.OraclePlanScanHook = comparePlanScans }

// TestOraclePlanScan holds the plan scan to the HCL scan, with every tree of
// the oracle corpus planned on its own as its root module, as a user plans
// it (so that root-level settings — the lock file, provider constraints,
// fingerprints — are those of the tree). It runs only with
// ONUS_ORACLE_PLANSCAN_ALONE set (1: the sample, all: every tree), and
// skips like TestOracle without terraform or the mirror. It takes a
// terraform init and plan per tree, about a quarter of an hour for the
// sample on two cores; `ONUS_ORACLE_PLANSCAN=1` with TestOracle checks the
// same parity on TestOracle's batched plans in seconds.
func TestOraclePlanScan(t *testing.T) {
	mode := os.Getenv("ONUS_ORACLE_PLANSCAN_ALONE")
	if mode == "" {
		t.Skip("set ONUS_ORACLE_PLANSCAN_ALONE=1 (a sample) or all to compare plan scans with HCL scans of trees planned alone; needs terraform and the AWS provider mirror")
	}
	comparePlanScans(t, analyzer.PlanTreesAlone(t, mode))
}

// comparePlanScans scans every planned root twice — as HCL, and as its JSON
// plan with the directory — and requires the same live findings: same
// check, file, line, column, resource and fingerprint.
func comparePlanScans(t *testing.T, trees []analyzer.PlannedTree) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	compared, same, onlyHCL, onlyPlan := 0, 0, 0, 0
	for _, tree := range trees {
		compared++
		proj, err := analyzer.Load(context.Background(), []string{tree.Dir}, tree.Options)
		if err != nil {
			t.Fatal(err)
		}
		inPlan := plannedRootFilter(t, proj, tree.Dir)
		hcl := proj.Run(context.Background(), checks.All(), analyzer.RunOptions{Now: now})
		scan := analyzer.PlanScan{PlanFile: filepath.Join(tree.Dir, "onus_oracle_plan.json"), Dir: tree.Dir, Options: tree.Options}
		plan, err := scan.Run(context.Background(), checks.All(), analyzer.RunOptions{Now: now})
		if err != nil {
			t.Errorf("%s: %v", tree.Name, err)
			continue
		}
		key := func(f analyzer.Finding) string {
			return fmt.Sprintf("%s:%d:%d %s %s %s", f.Range.Filename, f.Range.Start.Line, f.Range.Start.Column, f.CheckID, f.Resource, f.Fingerprint)
		}
		h, p := map[string]bool{}, map[string]bool{}
		for _, f := range hcl.Live() {
			if inPlan(f) {
				h[key(f)] = true
			}
		}
		for _, f := range plan.Live() {
			p[key(f)] = true
		}
		var missing, extra []string
		for k := range h {
			if p[k] {
				same++
			} else {
				missing = append(missing, k)
			}
		}
		for k := range p {
			if !h[k] {
				extra = append(extra, k)
			}
		}
		sort.Strings(missing)
		sort.Strings(extra)
		onlyHCL += len(missing)
		onlyPlan += len(extra)
		for _, k := range missing {
			t.Errorf("%s: the HCL scan finds %s, the plan scan does not", tree.Name, k)
		}
		for _, k := range extra {
			t.Errorf("%s: the plan scan finds %s, the HCL scan does not", tree.Name, k)
		}
	}
	t.Logf("plan scan parity: %d planned roots compared, %d findings in both scans, %d only in the HCL scan, %d only in the plan scan", compared, same, onlyHCL, onlyPlan)
}

// plannedRootFilter returns whether an HCL finding belongs to the root
// module that was planned (dir) rather than to another root module below
// it, which the HCL scan also scans and the plan does not hold: its file
// lies in a module of the planned root, and its resource, if it names one
// of another root's, is one of the planned root's too.
func plannedRootFilter(t *testing.T, proj *analyzer.Project, dir string) func(analyzer.Finding) bool {
	t.Helper()
	cfgs, _ := proj.Evaluate(context.Background())
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	var planned *analyzer.Config
	var others []*analyzer.Config
	for _, c := range cfgs {
		if abs(c.Root.Dir) == abs(dir) {
			planned = c
		} else {
			others = append(others, c)
		}
	}
	if planned == nil {
		t.Fatalf("%s: no configuration has this root", dir)
	}
	dirs := map[string]bool{}
	for _, m := range planned.Modules {
		dirs[abs(m.Dir)] = true
	}
	return func(f analyzer.Finding) bool {
		if !dirs[filepath.Dir(abs(f.Range.Filename))] {
			return false
		}
		if planned.Lookup(f.Resource) != nil {
			return true
		}
		for _, c := range others {
			if c.Lookup(f.Resource) != nil {
				return false
			}
		}
		return true
	}
}
