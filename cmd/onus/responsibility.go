package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"

	"github.com/onus-sec/onus/analyzer"
	"github.com/onus-sec/onus/checks"
	"github.com/onus-sec/onus/report"
)

// responsibilityFlags holds the flags of `onus responsibility` as given.
type responsibilityFlags struct {
	format   string
	out      string
	side     string
	only     []string
	skip     []string
	varFiles []string
	vars     []string
	noColor  bool
	now      string
}

func newResponsibilityCmd() *cobra.Command {
	var f responsibilityFlags
	cmd := &cobra.Command{
		Use:   "responsibility [PATH...]",
		Short: "Show, per resource, every control with its side (customer, shared, aws) and status",
		Long: `Show the responsibility map of the Terraform files or directories (default:
the current directory): for every resource instance, each control that
applies to it, whose side of the AWS Shared Responsibility Model it is on,
and where it stands.

  customer and shared controls are the checks: pass (known good), fail (a
  finding, as onus scan reports it), unknown (a deciding value is not known
  before apply; the detail names it) or suppressed (ignored inline or by
  configuration);
  aws controls are what AWS secures for that kind of resource, shown as info.

The failed controls are the live findings of 'onus scan' on the same tree.

Exit status: 0 once the map is printed, whatever it says; 2 on a usage error
or when a file could not be parsed (the map of the rest is still printed).`,
		Example: `  onus responsibility
  onus responsibility infra/ --format markdown --out responsibility.md
  onus responsibility --side customer --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runResponsibility(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), &f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "text", "output `FORMAT`: "+strings.Join(report.ResponsibilityFormats(), ", "))
	fl.StringVar(&f.out, "out", "", "write the map to `FILE` instead of standard output")
	fl.StringVar(&f.side, "side", "all", "show the controls of one `SIDE` of the model: customer, shared, aws or all")
	fl.StringSliceVar(&f.only, "checks", nil, "run only these check `IDS` (comma-separated)")
	fl.StringSliceVar(&f.skip, "skip", nil, "do not run these check `IDS` (comma-separated)")
	fl.StringArrayVar(&f.varFiles, "var-file", nil, "set variables from a .tfvars or .tfvars.json `FILE`, as terraform does (repeatable)")
	fl.StringArrayVar(&f.vars, "var", nil, "set a root module variable, as terraform does: `NAME=VALUE` (repeatable)")
	fl.BoolVar(&f.noColor, "no-color", false, "never colour the text output (NO_COLOR in the environment does the same)")
	fl.StringVar(&f.now, "now", "", "evaluate as of this `DATE` (YYYY-MM-DD) instead of today")
	_ = fl.MarkHidden("now")
	return cmd
}

// responsibilityPlan is a validated responsibility command line.
type responsibilityPlan struct {
	checks  []*analyzer.Check
	sides   []analyzer.Side
	printer report.ResponsibilityPrinter
	now     time.Time
	opts    analyzer.Options
}

// plan checks every flag before anything is read.
func (f *responsibilityFlags) plan(today time.Time, color bool) (*responsibilityPlan, error) {
	selected, err := selectChecks(checks.All(), f.only, f.skip, "all")
	if err != nil {
		return nil, err
	}
	sides, err := parseSides(f.side)
	if err != nil {
		return nil, err
	}
	printer, err := report.NewResponsibility(f.format, report.Options{Color: color})
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
	return &responsibilityPlan{
		checks:  selected,
		sides:   sides,
		printer: printer,
		now:     now,
		opts:    analyzer.Options{VarFiles: f.varFiles, Vars: f.vars},
	}, nil
}

// parseSides reads --side. Unlike scan, where it selects checks, here it
// selects what the map shows, so AWS's side can be asked for alone.
func parseSides(side string) ([]analyzer.Side, error) {
	switch side {
	case "all":
		return nil, nil
	case string(analyzer.Customer), string(analyzer.Shared), string(analyzer.AWS):
		return []analyzer.Side{analyzer.Side(side)}, nil
	}
	return nil, fmt.Errorf("--side: unknown side %q (want customer, shared, aws or all)", side)
}

func runResponsibility(ctx context.Context, stdout, stderr io.Writer, f *responsibilityFlags, paths []string) error {
	color := f.out == "" && useColor(stdout, f.noColor)
	plan, err := f.plan(time.Now(), color)
	if err != nil {
		return &exitCodeError{code: exitError, err: err}
	}
	proj, err := analyzer.Load(ctx, paths, plan.opts)
	if err != nil {
		return &exitCodeError{code: exitError, err: err}
	}
	governMemory()
	res := proj.Run(ctx, plan.checks, analyzer.RunOptions{Now: plan.now})
	if err := ctx.Err(); err != nil {
		return &exitCodeError{code: exitError, err: err}
	}
	m := report.BuildResponsibility(res, report.ResponsibilityOptions{AWSSide: awsSide, Sides: plan.sides})
	if err := writeResponsibility(stdout, f.out, plan.printer, m); err != nil {
		return &exitCodeError{code: exitError, err: err}
	}
	// The map has no place for problems in the input; they go to standard
	// error, and the exit status says the map is incomplete.
	errs := res.Errors()
	for _, d := range errs {
		fmt.Fprintf(stderr, "onus: %s\n", diagnosticLine(d))
	}
	if len(errs) > 0 {
		return &exitCodeError{code: exitError}
	}
	return nil
}

// awsSide adapts the catalogue's table of AWS's controls for the report.
func awsSide(resourceType string) []report.AWSControl {
	var out []report.AWSControl
	for _, c := range checks.AWSSide(resourceType) {
		out = append(out, report.AWSControl{ID: c.ID, Title: c.Title, Detail: c.Detail()})
	}
	return out
}

// writeResponsibility prints the map to the named file, or to stdout.
func writeResponsibility(stdout io.Writer, path string, p report.ResponsibilityPrinter, m *report.Responsibility) error {
	if path == "" {
		return p.WriteResponsibility(stdout, m)
	}
	file, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	if err := p.WriteResponsibility(file, m); err != nil {
		_ = file.Close()
		return err
	}
	if err := file.Close(); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	return nil
}

// diagnosticLine formats an error in the input as file:line:col: message.
func diagnosticLine(d *hcl.Diagnostic) string {
	msg := strings.TrimSpace(d.Summary)
	if detail := strings.Join(strings.Fields(d.Detail), " "); detail != "" {
		msg += ": " + detail
	}
	if d.Subject == nil {
		return msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column, msg)
}
