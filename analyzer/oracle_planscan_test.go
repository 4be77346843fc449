package analyzer

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// PlannedTree is a root module that Terraform planned for the oracle: Dir
// holds onus_oracle_plan.json, and Options are the variables both scans
// must be given. It is a tree of the corpus planned on its own, or a batch
// of trees planned as child modules of one generated root. Exported for
// the plan scan parity test (oracle_planscan_ext_test.go), which runs the
// real catalogue and so lives outside the package.
type PlannedTree struct {
	Name    string
	Dir     string
	Options Options
}

// OraclePlanScanHook, when set (by the parity test's package), is called by
// TestOracle with every root module it planned, while their plans are still
// on disk, if ONUS_ORACLE_PLANSCAN is set: the parity of plan and HCL scans
// is then checked on the oracle's own plans, at no extra terraform run.
var OraclePlanScanHook func(t *testing.T, trees []PlannedTree)

// runPlanScanHook runs the parity check over what TestOracle planned.
func runPlanScanHook(t *testing.T, env *oracleEnv) {
	if os.Getenv("ONUS_ORACLE_PLANSCAN") == "" || OraclePlanScanHook == nil {
		return
	}
	roots := env.plannedRoots()
	t.Run("planscan", func(t *testing.T) { OraclePlanScanHook(t, roots) })
}

// plannedTree describes a unit planned alone.
func (u *oracleUnit) plannedTree() PlannedTree {
	opts := Options{VarFiles: absAll(u.planTree, u.tree.varFiles), Vars: append(append([]string(nil), u.tree.vars...), u.placeholders...)}
	return PlannedTree{Name: u.name, Dir: u.planDir, Options: opts}
}

// PlanTreesAlone plans every tree of the oracle corpus (a sample unless
// mode is "all") on its own with Terraform, as a user would, two at a
// time, and returns the trees that planned. It skips the test without
// terraform or the mirror. Slow (a terraform init and plan per tree): CI
// checks parity on TestOracle's batched plans instead.
func PlanTreesAlone(t *testing.T, mode string) []PlannedTree {
	t.Helper()
	env := oracleEnvironment(t)
	trees := selectOracleTrees(t, mode)
	units := prepareOracleUnits(t, trees, env.mirror)
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for i, u := range units {
		if u.skip != "" {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if err := env.planAlone(t, filepath.Join(env.workDir, fmt.Sprintf("alone%03d", i)), u); err != nil {
				u.planErr = err.Error()
			}
		}()
	}
	wg.Wait()
	return env.plannedRoots()
}
