package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"

	"github.com/spf13/cobra"
)

// profileEnv names the environment variable that asks for profiles when the
// command line cannot easily be changed (a pre-commit hook, a CI template):
// ONUS_PPROF=cpu=/tmp/onus.cpu,mem=/tmp/onus.mem.
const profileEnv = "ONUS_PPROF"

// profileFlags holds the --profile flags: KIND=FILE pairs, KIND being cpu
// or mem. A user whose repository scans slowly sends these files; `go tool
// pprof` reads them.
type profileFlags struct {
	specs []string
}

func (p *profileFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringArrayVar(&p.specs, "profile", nil,
		"write a Go profile of the scan: `KIND=FILE`, KIND cpu or mem (repeatable; "+profileEnv+" does the same)")
}

// profileKinds are the profiles --profile writes.
var profileKinds = map[string]bool{"cpu": true, "mem": true}

// targets reads the flags, then ONUS_PPROF, into a file per kind. The last
// one given for a kind wins.
func (p *profileFlags) targets() (map[string]string, error) {
	specs := append([]string(nil), p.specs...)
	if env := os.Getenv(profileEnv); env != "" {
		specs = append(specs, strings.Split(env, ",")...)
	}
	out := map[string]string{}
	for _, s := range specs {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		kind, file, ok := strings.Cut(s, "=")
		if !ok || !profileKinds[kind] || file == "" {
			return nil, fmt.Errorf("--profile: want cpu=FILE or mem=FILE, got %q", s)
		}
		out[kind] = file
	}
	return out, nil
}

// start begins profiling as asked and returns the function that finishes
// it: the CPU profile stops, the memory profile is written. Files are
// created before the scan starts, so that a bad path fails at once.
func (p *profileFlags) start() (stop func() error, err error) {
	targets, err := p.targets()
	if err != nil {
		return nil, err
	}
	var cpu, mem *os.File
	closeAll := func() {
		for _, f := range []*os.File{cpu, mem} {
			if f != nil {
				_ = f.Close()
			}
		}
	}
	if path := targets["cpu"]; path != "" {
		if cpu, err = os.Create(path); err != nil {
			return nil, fmt.Errorf("--profile: %w", err)
		}
	}
	if path := targets["mem"]; path != "" {
		if mem, err = os.Create(path); err != nil {
			closeAll()
			return nil, fmt.Errorf("--profile: %w", err)
		}
	}
	if cpu != nil {
		if err := pprof.StartCPUProfile(cpu); err != nil {
			closeAll()
			return nil, fmt.Errorf("--profile cpu: %w", err)
		}
	}
	return func() error {
		var errs []error
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				errs = append(errs, fmt.Errorf("--profile cpu: %w", err))
			}
		}
		if mem != nil {
			// The heap profile holds both what was allocated over the whole
			// scan (alloc_space) and what was still live at its end
			// (inuse_space); a collection first makes the latter exact.
			runtime.GC()
			if err := pprof.Lookup("allocs").WriteTo(mem, 0); err != nil {
				errs = append(errs, fmt.Errorf("--profile mem: %w", err))
			}
			if err := mem.Close(); err != nil {
				errs = append(errs, fmt.Errorf("--profile mem: %w", err))
			}
		}
		if len(errs) > 0 {
			return errs[0]
		}
		return nil
	}, nil
}

// withProfile runs fn under the profiles asked for. A failure to write a
// profile is an error of the command only when the scan itself succeeded.
func (p *profileFlags) withProfile(fn func() error) error {
	stop, err := p.start()
	if err != nil {
		return &exitCodeError{code: exitError, err: err}
	}
	runErr := fn()
	if err := stop(); err != nil && runErr == nil {
		return &exitCodeError{code: exitError, err: err}
	}
	return runErr
}
