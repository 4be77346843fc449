package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/onus-sec/onus/analyzer"
	"github.com/onus-sec/onus/checks"
	"github.com/onus-sec/onus/report"
)

// scanSteps are the steps between the engine and the printers, in the
// order they run: the configuration's exclusions, the baseline, the audit
// of inline ignores, then recording a new baseline. Inline ignores are
// applied by the engine itself, before all of them.
type scanSteps struct {
	cwd    string
	config *projectConfig
	// baseline is the baseline read from --baseline, or nil.
	baseline     *analyzer.Baseline
	baselinePath string
	// baselineWrite is the --baseline-write file, or "".
	baselineWrite string
	strictIgnores bool
}

// loadConfig finds and reads the configuration for a scan of paths and
// merges it into the flags the command line left unset.
func (f *scanFlags) loadConfig(paths []string) (*projectConfig, error) {
	path, err := findConfig(f.config, paths)
	if err != nil {
		return nil, err
	}
	conf, err := loadConfig(path, checks.All())
	if err != nil {
		return nil, err
	}
	changed := f.changed
	if changed == nil {
		changed = func(string) bool { return false }
	}
	conf.mergeInto(f, changed)
	return conf, nil
}

// steps prepares the post-processing of a scan: severity overrides go into
// the plan's checks, and the baseline is read now, so that a missing or
// broken baseline fails before anything is scanned.
func (f *scanFlags) steps(conf *projectConfig, plan *scanPlan) (*scanSteps, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("finding the working directory: %w", err)
	}
	plan.checks = conf.withSeverities(plan.checks)
	s := &scanSteps{cwd: cwd, config: conf, baselineWrite: f.baselineWrite, strictIgnores: f.strictIgnores}
	if f.baseline != "" {
		file, err := os.Open(f.baseline)
		if err != nil {
			return nil, fmt.Errorf("--baseline: %w", err)
		}
		defer file.Close()
		b, err := analyzer.ReadBaseline(file)
		if err != nil {
			return nil, fmt.Errorf("--baseline %s: %w", f.baseline, err)
		}
		s.baseline, s.baselinePath = b, f.baseline
	}
	return s, nil
}

// scan loads and evaluates paths, runs the checks and applies the steps.
func (s *scanSteps) scan(ctx context.Context, plan *scanPlan, paths []string) (*analyzer.Result, error) {
	expanded, err := expandVarFileArgs(paths)
	if err != nil {
		return nil, err
	}
	res := &analyzer.Result{}
	var proj *analyzer.Project
	// Variable files alone, beside no Terraform file, name no module:
	// there is nothing to scan, which is not an error for a hook.
	if len(paths) == 0 || len(expanded) > 0 {
		proj, err = analyzer.Load(ctx, expanded, plan.opts)
		if err != nil {
			return nil, err
		}
		governMemory()
		res = proj.Run(ctx, plan.checks, analyzer.RunOptions{Now: plan.now})
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	if err := s.settle(res); err != nil {
		return nil, err
	}
	if proj != nil {
		var known []string
		for _, c := range checks.All() {
			known = append(known, c.ID)
		}
		res.Diagnostics = append(res.Diagnostics, proj.AuditIgnores(res, analyzer.IgnoreAudit{
			Ran: plan.checks, Known: known, Now: plan.now, Strict: s.strictIgnores,
		})...)
	}
	return res, nil
}

// writeBaseline records the live findings (after inline ignores and the
// configuration, before any --baseline) to the --baseline-write file.
func (s *scanSteps) writeBaseline(res *analyzer.Result) error {
	b := analyzer.NewBaseline(res.Findings, s.fileKey(s.baselineWrite))
	file, err := os.Create(s.baselineWrite)
	if err != nil {
		return fmt.Errorf("--baseline-write: %w", err)
	}
	if err := b.Encode(file); err != nil {
		_ = file.Close()
		return fmt.Errorf("--baseline-write: %w", err)
	}
	if err := file.Close(); err != nil {
		return fmt.Errorf("--baseline-write: %w", err)
	}
	return nil
}

// fileKey maps a finding's file name, relative to the working directory,
// to the name relative to the baseline file's directory, so that a
// baseline means the same thing from any working directory.
func (s *scanSteps) fileKey(baselineFile string) func(string) string {
	dir := filepath.Dir(baselineFile)
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(s.cwd, dir)
	}
	return func(name string) string {
		abs := filepath.Join(s.cwd, filepath.FromSlash(name))
		if filepath.IsAbs(name) {
			abs = name
		}
		if rel, err := filepath.Rel(dir, abs); err == nil {
			return filepath.ToSlash(rel)
		}
		return filepath.ToSlash(name)
	}
}

// expandVarFileArgs serves pre-commit mode for variable files: a .tfvars
// argument changes the values of the module in its directory, so it is
// replaced by that directory's Terraform files, and every finding located
// in them is reported. The variable file itself is used as Terraform would:
// terraform.tfvars and *.auto.tfvars are read automatically, any other
// only when given with --var-file or in var-files. A variable file beside
// no Terraform file names no module and is dropped.
func expandVarFileArgs(paths []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if key := filepath.Clean(p); !seen[key] {
			seen[key] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		if !isVarFile(p) {
			add(p)
			continue
		}
		if info, err := os.Stat(p); err != nil || info.IsDir() {
			add(p) // let the loader report it
			continue
		}
		dir := filepath.Dir(p)
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, fmt.Errorf("reading the directory of %s: %w", p, err)
		}
		var files []string
		for _, e := range entries {
			n := e.Name()
			if !e.IsDir() && (strings.HasSuffix(n, ".tf") || strings.HasSuffix(n, ".tf.json")) {
				files = append(files, filepath.Join(dir, n))
			}
		}
		sort.Strings(files)
		for _, f := range files {
			add(f)
		}
	}
	return out, nil
}

func isVarFile(path string) bool {
	return strings.HasSuffix(path, ".tfvars") || strings.HasSuffix(path, ".tfvars.json")
}

// reportOptions are the printer options for a scan of paths.
func (f *scanFlags) reportOptions(paths []string, cwd string) report.Options {
	return report.Options{
		Version:     version,
		Quiet:       f.quiet,
		WorkDir:     cwd,
		Category:    sarifCategory(paths, cwd),
		StepSummary: os.Getenv("GITHUB_STEP_SUMMARY"),
	}
}

// sarifCategory names what was scanned, for GitHub code scanning to keep
// runs over different parts of a repository apart: "onus" for the working
// directory, "onus/infra/prod" for a scan of infra/prod. Files stand for
// their directories.
func sarifCategory(paths []string, cwd string) string {
	set := map[string]bool{}
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			p = filepath.Dir(p)
		}
		if filepath.IsAbs(p) {
			if rel, err := filepath.Rel(cwd, p); err == nil && !strings.HasPrefix(rel, "..") {
				p = rel
			}
		}
		p = strings.Trim(filepath.ToSlash(filepath.Clean(p)), "/")
		if p != "." && p != "" {
			set[p] = true
		}
	}
	if len(set) == 0 {
		return report.ToolName
	}
	list := make([]string, 0, len(set))
	for p := range set {
		list = append(list, p)
	}
	sort.Strings(list)
	return report.ToolName + "/" + strings.Join(list, ",")
}

// settle applies what every scan applies to its result, from HCL or from a
// plan: the configuration file's exclusions, then the baseline, written
// and applied.
func (s *scanSteps) settle(res *analyzer.Result) error {
	s.config.applyExclusions(res, s.cwd)
	if s.baselineWrite != "" {
		if err := s.writeBaseline(res); err != nil {
			return err
		}
	}
	if s.baseline != nil {
		reason := "known in baseline " + filepath.ToSlash(s.baselinePath)
		s.baseline.Apply(res.Findings, s.fileKey(s.baselinePath), reason)
	}
	return nil
}
