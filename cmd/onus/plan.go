package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// planTarget is what `onus scan` scans in plan mode: Terraform's JSON plan
// and, optionally, the configuration directory it was made from.
type planTarget struct {
	file string
	dir  string
}

// planTarget decides whether a scan is of a plan: --plan FILE, or a
// positional JSON file (not .tf.json or .tfvars.json) whose top level has
// format_version and planned_values, as `terraform show -json` writes. The
// other positional argument, if any, is the configuration directory; without
// one, the plan file's own directory is, when it holds Terraform files.
func (f *scanFlags) planTarget(paths []string) (planTarget, bool, error) {
	file := f.planFile
	var rest []string
	for _, p := range paths {
		if file == "" && looksLikePlan(p) {
			file = p
			continue
		}
		rest = append(rest, p)
	}
	if file == "" {
		return planTarget{}, false, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return planTarget{}, false, fmt.Errorf("--plan: %w", err)
	}
	if !analyzer.IsPlanJSON(data) {
		return planTarget{}, false, fmt.Errorf("--plan: %s is not a Terraform JSON plan (write one with `terraform show -json PLANFILE > plan.json`)", file)
	}
	if len(rest) > 1 {
		return planTarget{}, false, fmt.Errorf("--plan: give at most one directory, the configuration the plan was made from (got %s)", strings.Join(rest, ", "))
	}
	t := planTarget{file: file}
	if len(rest) == 0 && holdsTerraform(filepath.Dir(file)) {
		// `terraform show -json tfplan > plan.json` run in the root
		// module: the configuration is beside the plan.
		t.dir = filepath.Dir(file)
	}
	if len(rest) == 1 {
		info, err := os.Stat(rest[0])
		if err != nil {
			return planTarget{}, false, fmt.Errorf("cannot scan %s: %w", rest[0], err)
		}
		if !info.IsDir() {
			return planTarget{}, false, fmt.Errorf("--plan: %s is not a directory; give the root module the plan was made from", rest[0])
		}
		t.dir = rest[0]
	}
	return t, true, nil
}

// holdsTerraform reports whether dir has Terraform files of its own.
func holdsTerraform(dir string) bool {
	for _, pattern := range []string{"*.tf", "*.tf.json"} {
		if m, _ := filepath.Glob(filepath.Join(dir, pattern)); len(m) > 0 {
			return true
		}
	}
	return false
}

// looksLikePlan reports whether a positional argument is a JSON plan rather
// than Terraform source or a variable file.
func looksLikePlan(p string) bool {
	if !strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".tf.json") || strings.HasSuffix(p, ".tfvars.json") {
		return false
	}
	info, err := os.Stat(p)
	if err != nil || info.IsDir() || info.Size() > 512<<20 {
		return false
	}
	data, err := os.ReadFile(p)
	return err == nil && analyzer.IsPlanJSON(data)
}

// scanPlan runs the checks over a plan, then the same steps as an HCL
// scan: exclusions of the configuration file, baselines.
func (s *scanSteps) scanPlan(ctx context.Context, plan *scanPlan, t planTarget) (*analyzer.Result, error) {
	res, err := analyzer.PlanScan{PlanFile: t.file, Dir: t.dir, Options: plan.opts}.Run(ctx, plan.checks, analyzer.RunOptions{Now: plan.now})
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := s.settle(res); err != nil {
		return nil, err
	}
	return res, nil
}
