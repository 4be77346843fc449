// Command onus scans Terraform written for AWS and reports the security gaps
// on the customer's side of the AWS Shared Responsibility Model.
//
// Usage:
//
//	onus scan [PATH...]   scan files or directories (default .)
//	onus checks           list the checks
//	onus explain ID       explain one check, with a bad and a good example
//	onus responsibility [PATH...]   per resource: every control, its side and status
//	onus version          print the version
//
// Exit codes: 0 when nothing live is at or above --fail-on, 1 when something
// is, 2 on a usage, configuration or parse error.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

// version is the release version, recorded in machine-readable reports. A
// release build sets it with -ldflags "-X main.version=...".
var version = "0.1.0"

// Exit codes are part of the CLI contract: scripts and hooks test them.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

// exitCodeError carries an exit code up to main. A nil err means the command has
// already said everything (findings were printed); otherwise err is printed
// to standard error.
type exitCodeError struct {
	code int
	err  error
}

func (e *exitCodeError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitCodeError) Unwrap() error { return e.err }

// usageErrorf reports a mistake on the command line or in the configuration.
func usageErrorf(format string, args ...any) error {
	return &exitCodeError{code: exitError, err: fmt.Errorf(format, args...)}
}

// checkVars refuses a --var that is not NAME=VALUE.
func checkVars(vars []string) error {
	for _, v := range vars {
		if name, _, ok := strings.Cut(v, "="); !ok || strings.TrimSpace(name) == "" {
			return fmt.Errorf("--var: want NAME=VALUE, got %q", v)
		}
	}
	return nil
}

// judgeDate is the date a scan judges by: --now when given, else today.
func judgeDate(now string, today time.Time) (time.Time, error) {
	if now == "" {
		return today, nil
	}
	t, err := time.Parse(time.DateOnly, now)
	if err != nil {
		return time.Time{}, fmt.Errorf("--now: want a date as YYYY-MM-DD, got %q", now)
	}
	return t, nil
}

func main() {
	tuneCollector()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one command line and returns the process exit code. It is the
// whole program minus the process: tests call it directly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitCodeError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(stderr, "onus: %v\n", ee.err)
		}
		return ee.code
	}
	// Everything else comes from cobra: an unknown command or flag, a bad
	// flag value, a wrong number of arguments.
	fmt.Fprintf(stderr, "onus: %v\nRun 'onus --help' for usage.\n", err)
	return exitError
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "onus",
		Short: "Find the security gaps on your side of the AWS Shared Responsibility Model",
		Long: `onus reads Terraform written for AWS and reports the security gaps that are
yours to close: AWS secures the cloud itself, you secure what you put in it.
Every finding says whose side owns the fix.`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	// Shell completion stays available (onus completion bash) without
	// crowding the command list.
	root.CompletionOptions.HiddenDefaultCmd = true
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetVersionTemplate("onus {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitCodeError{code: exitError, err: fmt.Errorf("%w\nRun 'onus --help' for usage", err)}
	})
	root.AddCommand(newScanCmd(), newChecksCmd(), newVersionCmd())
	root.AddCommand(newInspectCmd())
	root.AddCommand(newResponsibilityCmd())
	root.AddCommand(newExplainCmd())
	return root
}
