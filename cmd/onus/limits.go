package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/onus-sec/onus/analyzer"
)

// limitFlags raise or lower the engine's bounds on hostile input. Each
// bound, when hit, is reported as a warning with the file and line and the
// flag that raises it; the rest of the tree is still scanned.
type limitFlags struct {
	maxInstances   int
	maxModuleDepth int
	maxFileSize    string
	maxNesting     int
	maxElements    int
	evalTimeout    time.Duration
}

func (l *limitFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.IntVar(&l.maxInstances, "max-instances", analyzer.DefaultMaxInstances,
		"evaluate at most `N` instances of one resource or module (count, for_each)")
	fl.IntVar(&l.maxModuleDepth, "max-module-depth", analyzer.DefaultMaxModuleDepth,
		"follow module calls at most `N` levels deep")
	fl.StringVar(&l.maxFileSize, "max-file-size", strconv.Itoa(analyzer.DefaultMaxFileSize>>20)+"MB",
		"skip Terraform files larger than `SIZE` (bytes, or with KB, MB, GB)")
	fl.IntVar(&l.maxNesting, "max-nesting", analyzer.DefaultMaxNesting,
		"skip files whose brackets nest more than `N` levels deep")
	fl.IntVar(&l.maxElements, "max-elements", analyzer.DefaultMaxElements,
		"let one expression build at most `N` values through nested for-expressions")
	fl.DurationVar(&l.evalTimeout, "eval-timeout", analyzer.DefaultEvalTimeout,
		"give up evaluating one root module after `DURATION`; its unevaluated parts are not checked")
}

// apply validates the limits and sets them on the engine's options. Zero
// (a scanFlags built without its flags, as tests do) leaves the engine's
// default.
func (l *limitFlags) apply(o *analyzer.Options) error {
	for _, c := range []struct {
		flag string
		n    int
	}{{"--max-instances", l.maxInstances}, {"--max-module-depth", l.maxModuleDepth}, {"--max-nesting", l.maxNesting}, {"--max-elements", l.maxElements}} {
		if c.n < 0 {
			return fmt.Errorf("%s: want a positive number, got %d", c.flag, c.n)
		}
	}
	if l.evalTimeout < 0 {
		return fmt.Errorf("--eval-timeout: want a positive duration, got %s", l.evalTimeout)
	}
	if l.maxFileSize != "" {
		size, err := parseSize(l.maxFileSize)
		if err != nil {
			return fmt.Errorf("--max-file-size: %w", err)
		}
		o.MaxFileSize = size
	}
	o.MaxInstances = l.maxInstances
	o.MaxModuleDepth = l.maxModuleDepth
	o.MaxNesting = l.maxNesting
	o.MaxElements = l.maxElements
	o.EvalTimeout = l.evalTimeout
	return nil
}

// parseSize reads a byte count: a whole number, optionally followed by KB,
// MB or GB (powers of 1024, as file managers show them; case ignored).
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 1 || n > (1<<62)/mult {
		return 0, fmt.Errorf("want a positive size such as 10MB, got %q", s)
	}
	return n * mult, nil
}
