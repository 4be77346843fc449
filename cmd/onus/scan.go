package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/onus-sec/onus/analyzer"
	"github.com/onus-sec/onus/checks"
	"github.com/onus-sec/onus/report"
)

// scanFlags holds the flags of `onus scan` as given.
type scanFlags struct {
	format   string
	outs     []string
	failOn   string
	side     string
	only     []string
	skip     []string
	varFiles []string
	vars     []string
	noColor  bool
	quiet    bool
	now      string

	// The pull-request and configuration flags (pipeline.go, config.go).
	config        string
	baseline      string
	baselineWrite string
	strictIgnores bool

	// Bounds on hostile input (limits.go) and profiling (profile.go).
	limits  limitFlags
	profile profileFlags
	// changed reports whether a flag was given on the command line, so
	// that the configuration file fills in only the others.
	changed func(name string) bool

	// planFile is --plan: scan Terraform's JSON plan (plan.go).
	planFile string
}

func newScanCmd() *cobra.Command {
	var f scanFlags
	cmd := &cobra.Command{
		Use:   "scan [PATH...]",
		Short: "Scan Terraform files or directories (default .)",
		Long: `Scan Terraform files or directories (default: the current directory).

A directory is scanned with every module below it. Files name the modules they
belong to (pre-commit mode): each file's directory is evaluated and only the
findings located in the named files are reported.

Exit status: 0 when no live finding is at or above --fail-on, 1 when one is,
2 on a usage error or when a file could not be parsed (the rest of the tree
is still scanned and reported).`,
		Example: `  onus scan
  onus scan infra/ --format json --out onus.json
  onus scan --fail-on high --side customer
  onus scan --var-file prod.tfvars --var region=eu-west-1`,
		RunE: func(cmd *cobra.Command, args []string) error {
			f.changed = cmd.Flags().Changed
			return f.profile.withProfile(func() error { return runScan(cmd.Context(), cmd.OutOrStdout(), &f, args) })
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "text", "output `FORMAT`: "+strings.Join(report.Formats(), ", "))
	fl.StringArrayVar(&f.outs, "out", nil, "write the report to `FILE` instead of standard output; FORMAT=FILE writes that format there (repeatable)")
	fl.StringVar(&f.failOn, "fail-on", "low", "lowest `SEVERITY` that makes the exit status 1: critical, high, medium or low")
	fl.StringVar(&f.side, "side", "all", "run the checks of one `SIDE` of the model: customer, shared or all")
	fl.StringSliceVar(&f.only, "checks", nil, "run only these check `IDS` (comma-separated)")
	fl.StringSliceVar(&f.skip, "skip", nil, "do not run these check `IDS` (comma-separated)")
	fl.StringArrayVar(&f.varFiles, "var-file", nil, "set variables from a .tfvars or .tfvars.json `FILE`, as terraform does (repeatable)")
	fl.StringArrayVar(&f.vars, "var", nil, "set a root module variable, as terraform does: `NAME=VALUE` (repeatable)")
	fl.BoolVar(&f.noColor, "no-color", false, "never colour the text output (NO_COLOR in the environment does the same)")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "print findings and errors only: no warnings, no summary")
	fl.StringVar(&f.config, "config", "", "read the configuration from `FILE` (default: .onus.yml found upward from the scan root)")
	fl.StringVar(&f.baseline, "baseline", "", "suppress the findings recorded in baseline `FILE`: only new ones are live")
	fl.StringVar(&f.baselineWrite, "baseline-write", "", "record the live findings in baseline `FILE`")
	fl.BoolVar(&f.strictIgnores, "strict-ignores", false, "make unused ignores and ignores of unknown checks errors (exit status 2)")
	fl.StringVar(&f.planFile, "plan", "", "scan Terraform's JSON plan `FILE` (terraform show -json) instead of HCL; a PATH given is the configuration it was made from")
	// --now pins the scan date, against which deprecation dates and ignore
	// expiry dates are compared, so that tests and reproducible CI runs do
	// not change with the calendar.
	fl.StringVar(&f.now, "now", "", "scan as of this `DATE` (YYYY-MM-DD) instead of today")
	_ = fl.MarkHidden("now")
	f.limits.register(cmd)
	f.profile.register(cmd)
	return cmd
}

// scanPlan is a validated scan command line.
type scanPlan struct {
	checks  []*analyzer.Check
	failOn  analyzer.Severity
	outputs []output
	now     time.Time
	opts    analyzer.Options
}

func runScan(ctx context.Context, stdout io.Writer, f *scanFlags, paths []string) error {
	conf, err := f.loadConfig(paths)
	if err != nil {
		return &exitCodeError{code: exitError, err: err}
	}
	plan, err := f.plan(time.Now())
	if err != nil {
		return &exitCodeError{code: exitError, err: err}
	}
	steps, err := f.steps(conf, plan)
	if err != nil {
		return &exitCodeError{code: exitError, err: err}
	}
	target, isPlan, err := f.planTarget(paths)
	if err != nil {
		return &exitCodeError{code: exitError, err: err}
	}
	var res *analyzer.Result
	if isPlan {
		res, err = steps.scanPlan(ctx, plan, target)
	} else {
		res, err = steps.scan(ctx, plan, paths)
	}
	if err != nil {
		return &exitCodeError{code: exitError, err: err}
	}
	for _, o := range plan.outputs {
		if err := o.write(stdout, res, f.reportOptions(paths, steps.cwd), f.noColor); err != nil {
			return &exitCodeError{code: exitError, err: err}
		}
	}
	return exitStatus(res, plan.failOn)
}

// plan checks every flag before anything is read, so that a typo fails fast
// and never leaves a half-written report behind.
func (f *scanFlags) plan(today time.Time) (*scanPlan, error) {
	failOn, err := analyzer.ParseSeverity(f.failOn)
	if err != nil {
		return nil, fmt.Errorf("--fail-on: %w", err)
	}
	selected, err := selectChecks(checks.All(), f.only, f.skip, f.side)
	if err != nil {
		return nil, err
	}
	outputs, err := parseOutputs(f.format, f.outs)
	if err != nil {
		return nil, err
	}
	if err := checkVars(f.vars); err != nil {
		return nil, err
	}
	now, err := judgeDate(f.now, today)
	if err != nil {
		return nil, err
	}
	opts := analyzer.Options{VarFiles: f.varFiles, Vars: f.vars}
	if err := f.limits.apply(&opts); err != nil {
		return nil, err
	}
	return &scanPlan{
		checks:  selected,
		failOn:  failOn,
		outputs: outputs,
		now:     now,
		opts:    opts,
	}, nil
}

// selectChecks applies --checks, --skip and --side to the catalogue. An ID
// that names no check is an error: a misspelt --skip would otherwise run the
// check it meant to skip, silently.
func selectChecks(all []*analyzer.Check, only, skip []string, side string) ([]*analyzer.Check, error) {
	known := make(map[string]bool, len(all))
	for _, c := range all {
		known[c.ID] = true
	}
	onlySet, err := idSet("--checks", only, known)
	if err != nil {
		return nil, err
	}
	skipSet, err := idSet("--skip", skip, known)
	if err != nil {
		return nil, err
	}
	switch side {
	case "all", string(analyzer.Customer), string(analyzer.Shared):
	default:
		return nil, fmt.Errorf("--side: unknown side %q (want customer, shared or all)", side)
	}
	var out []*analyzer.Check
	for _, c := range all {
		switch {
		case onlySet != nil && !onlySet[c.ID],
			skipSet[c.ID],
			side != "all" && string(c.Side) != side:
			continue
		}
		out = append(out, c)
	}
	return out, nil
}

// idSet reads a comma list of check IDs; nil when the flag was not given.
func idSet(flag string, ids []string, known map[string]bool) (map[string]bool, error) {
	if ids == nil {
		return nil, nil
	}
	set := map[string]bool{}
	var unknown []string
	for _, id := range ids {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		if !known[id] {
			unknown = append(unknown, id)
			continue
		}
		set[id] = true
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, fmt.Errorf("%s: unknown check ID %s (run 'onus checks' for the list)", flag, strings.Join(quoteAll(unknown), ", "))
	}
	return set, nil
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// exitStatus turns a result into the exit code: errors in the input win,
// then live findings at or above the threshold.
func exitStatus(res *analyzer.Result, failOn analyzer.Severity) error {
	if len(res.Errors()) > 0 {
		return &exitCodeError{code: exitError}
	}
	for _, f := range res.Live() {
		if f.Severity >= failOn {
			return &exitCodeError{code: exitFindings}
		}
	}
	return nil
}

// output is one report to write: a format and a file, or standard output
// when path is empty.
type output struct {
	format string
	path   string
}

// parseOutputs reads the --out flags. A value FORMAT=FILE (FORMAT all
// lower-case letters) writes that format to FILE; a plain FILE takes the
// --format format. Without --out, the report goes to standard output.
func parseOutputs(format string, outs []string) ([]output, error) {
	var list []output
	if len(outs) == 0 {
		list = []output{{format: format}}
	}
	for _, o := range outs {
		if o == "" {
			return nil, fmt.Errorf("--out: empty file name")
		}
		out := output{format: format, path: o}
		if name, file, ok := strings.Cut(o, "="); ok && isFormatName(name) {
			if file == "" {
				return nil, fmt.Errorf("--out %s: empty file name", o)
			}
			out = output{format: name, path: file}
		}
		list = append(list, out)
	}
	for _, o := range list {
		if _, err := report.New(o.format, report.Options{}); err != nil {
			return nil, err
		}
	}
	return list, nil
}

func isFormatName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// write prints res in o's format to its file, or to stdout (no file, or
// "-", so that --out github=- --out sarif=onus.sarif prints one format and
// files another). Colour is used only on a terminal, and never when
// disabled by flag or environment.
func (o output) write(stdout io.Writer, res *analyzer.Result, opts report.Options, noColor bool) error {
	if o.path == "" || o.path == "-" {
		opts.Color = useColor(stdout, noColor)
		p, err := report.New(o.format, opts)
		if err != nil {
			return err
		}
		return p.Write(stdout, res)
	}
	p, err := report.New(o.format, opts)
	if err != nil {
		return err
	}
	file, err := os.Create(o.path)
	if err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	if err := p.Write(file, res); err != nil {
		_ = file.Close()
		return err
	}
	if err := file.Close(); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	return nil
}

// useColor reports whether w is a terminal that should get ANSI colours. The
// NO_COLOR convention (no-color.org) is honoured when the variable is set to
// anything non-empty; TERM=dumb terminals get none either.
func useColor(w io.Writer, noColor bool) bool {
	if noColor || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
