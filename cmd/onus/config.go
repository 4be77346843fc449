package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/hashicorp/hcl/v2"
	"go.yaml.in/yaml/v3"

	"github.com/onus-sec/onus/analyzer"
)

// configNames are the names of the configuration file, looked for in this
// order in each directory from the scan root upward.
var configNames = []string{".onus.yml", ".onus.yaml"}

// projectConfig is a validated .onus.yml:
//
//	checks:
//	  enable: [s3-public-acl, ...]   # run only these
//	  disable: [s3-access-logging-disabled]
//	severity:
//	  s3-versioning-disabled: low    # severity overrides
//	exclude:                         # doublestar globs, relative to this file
//	  - "vendor/**"
//	  - path: "legacy/**/*.tf"
//	    checks: [iam-user-policy]    # optional: only these checks
//	    reason: frozen until the migration
//	fail-on: high
//	side: customer
//	var-files: [env/prod.tfvars]     # relative to this file
//
// Command-line flags override it: --fail-on and --side replace the values
// here, --checks replaces both check lists, --skip adds to disable, and
// --var-file files are applied after these var-files.
type projectConfig struct {
	// path is the file read, as shown to users; "" when there is none.
	path string
	// dir is the absolute directory of the file: globs and var files are
	// relative to it.
	dir string

	enable, disable []string
	severity        map[string]analyzer.Severity
	exclude         []exclusion
	failOn, side    string
	varFiles        []string
}

// exclusion suppresses the findings in the files matching pattern, of the
// listed checks or of all checks.
type exclusion struct {
	pattern string
	checks  map[string]bool
	reason  string
}

// configError is a problem in the configuration file, at a line.
func configError(path string, line int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", path, line, fmt.Sprintf(format, args...))
}

// findConfig returns the configuration file that applies to a scan of
// paths: explicit when given (it must exist), else the first .onus.yml
// found from the first path's directory upward. The search stops at the
// top of the repository (a directory holding .git), so a file above it,
// which belongs to no one in particular, is never picked up.
func findConfig(explicit string, paths []string) (string, error) {
	if explicit != "" {
		if _, err := os.Stat(explicit); err != nil {
			return "", fmt.Errorf("--config: %w", err)
		}
		return explicit, nil
	}
	start := "."
	if len(paths) > 0 {
		start = paths[0]
	}
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", fmt.Errorf("finding .onus.yml: %w", err)
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		dir = filepath.Dir(dir)
	}
	for {
		for _, name := range configNames {
			candidate := filepath.Join(dir, name)
			if info, err := os.Stat(candidate); err == nil && !info.IsDir() {
				return candidate, nil
			}
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// loadConfig reads and validates the configuration file at path against
// the catalogue. An empty path is an empty configuration.
func loadConfig(path string, catalogue []*analyzer.Check) (*projectConfig, error) {
	c := &projectConfig{severity: map[string]analyzer.Severity{}}
	if path == "" {
		return c, nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("reading configuration: %w", err)
	}
	c.path, c.dir = displayPath(abs), filepath.Dir(abs)
	data, err := os.ReadFile(abs)
	if err != nil {
		return nil, fmt.Errorf("reading configuration: %w", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", c.path, err)
	}
	if len(doc.Content) == 0 {
		return c, nil // an empty file
	}
	known := map[string]bool{}
	for _, ch := range catalogue {
		known[ch.ID] = true
	}
	p := configParser{path: c.path, known: known}
	if err := p.top(doc.Content[0], c); err != nil {
		return nil, err
	}
	return c, nil
}

// configParser walks the YAML node tree, so that every problem, unknown
// keys included, is reported with its line.
type configParser struct {
	path  string
	known map[string]bool
}

func (p configParser) errorf(n *yaml.Node, format string, args ...any) error {
	return configError(p.path, n.Line, format, args...)
}

// mapping returns the key and value nodes of a mapping, rejecting unknown
// and repeated keys.
func (p configParser) mapping(n *yaml.Node, what string, keys ...string) ([][2]*yaml.Node, error) {
	if n.Kind != yaml.MappingNode {
		return nil, p.errorf(n, "%s must be a mapping", what)
	}
	allowed := map[string]bool{}
	for _, k := range keys {
		allowed[k] = true
	}
	seen := map[string]bool{}
	var out [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !allowed[k.Value] {
			return nil, p.errorf(k, "unknown key %q in %s (known keys: %s)", k.Value, what, strings.Join(keys, ", "))
		}
		if seen[k.Value] {
			return nil, p.errorf(k, "key %q is given twice", k.Value)
		}
		seen[k.Value] = true
		out = append(out, [2]*yaml.Node{k, v})
	}
	return out, nil
}

func (p configParser) str(n *yaml.Node, what string) (string, error) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", p.errorf(n, "%s must be a string", what)
	}
	return n.Value, nil
}

func (p configParser) strings(n *yaml.Node, what string) ([]string, error) {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []string{n.Value}, nil // a single value for a one-element list
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "%s must be a list of strings", what)
	}
	var out []string
	for _, e := range n.Content {
		s, err := p.str(e, what+" entry")
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func (p configParser) checkIDs(n *yaml.Node, what string) ([]string, error) {
	if n.Kind == yaml.SequenceNode {
		for _, e := range n.Content {
			if e.Kind == yaml.ScalarNode && !p.known[e.Value] {
				return nil, p.errorf(e, "unknown check ID %q in %s (run 'onus checks' for the list)", e.Value, what)
			}
		}
	}
	ids, err := p.strings(n, what)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if !p.known[id] {
			return nil, p.errorf(n, "unknown check ID %q in %s (run 'onus checks' for the list)", id, what)
		}
	}
	return ids, nil
}

func (p configParser) top(n *yaml.Node, c *projectConfig) error {
	pairs, err := p.mapping(n, "the configuration", "checks", "severity", "exclude", "fail-on", "side", "var-files")
	if err != nil {
		return err
	}
	for _, kv := range pairs {
		k, v := kv[0], kv[1]
		switch k.Value {
		case "checks":
			err = p.checks(v, c)
		case "severity":
			err = p.severity(v, c)
		case "exclude":
			err = p.exclude(v, c)
		case "fail-on":
			var s string
			if s, err = p.str(v, "fail-on"); err == nil {
				if _, perr := analyzer.ParseSeverity(s); perr != nil {
					err = p.errorf(v, "fail-on: %v", perr)
				}
				c.failOn = s
			}
		case "side":
			if c.side, err = p.str(v, "side"); err == nil {
				switch c.side {
				case "all", string(analyzer.Customer), string(analyzer.Shared):
				default:
					err = p.errorf(v, "side: unknown side %q (want customer, shared or all)", c.side)
				}
			}
		case "var-files":
			var files []string
			if files, err = p.strings(v, "var-files"); err == nil {
				for _, f := range files {
					if !filepath.IsAbs(f) {
						f = filepath.Join(c.dir, filepath.FromSlash(f))
					}
					c.varFiles = append(c.varFiles, f)
				}
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (p configParser) checks(n *yaml.Node, c *projectConfig) error {
	pairs, err := p.mapping(n, "checks", "enable", "disable")
	if err != nil {
		return err
	}
	for _, kv := range pairs {
		ids, err := p.checkIDs(kv[1], "checks."+kv[0].Value)
		if err != nil {
			return err
		}
		if kv[0].Value == "enable" {
			c.enable = ids
			if c.enable == nil {
				c.enable = []string{} // an empty list enables nothing
			}
		} else {
			c.disable = ids
		}
	}
	return nil
}

func (p configParser) severity(n *yaml.Node, c *projectConfig) error {
	if n.Kind != yaml.MappingNode {
		return p.errorf(n, "severity must be a mapping of check IDs to severities")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !p.known[k.Value] {
			return p.errorf(k, "unknown check ID %q in severity (run 'onus checks' for the list)", k.Value)
		}
		s, err := p.str(v, "severity of "+k.Value)
		if err != nil {
			return err
		}
		sev, err := analyzer.ParseSeverity(s)
		if err != nil {
			return p.errorf(v, "severity of %s: %v", k.Value, err)
		}
		c.severity[k.Value] = sev
	}
	return nil
}

func (p configParser) exclude(n *yaml.Node, c *projectConfig) error {
	if n.Kind != yaml.SequenceNode {
		return p.errorf(n, "exclude must be a list of paths or of {path, checks, reason}")
	}
	for _, e := range n.Content {
		var x exclusion
		patternNode := e
		if e.Kind == yaml.MappingNode {
			pairs, err := p.mapping(e, "an exclude entry", "path", "checks", "reason")
			if err != nil {
				return err
			}
			patternNode = nil
			for _, kv := range pairs {
				switch kv[0].Value {
				case "path":
					patternNode = kv[1]
				case "checks":
					ids, err := p.checkIDs(kv[1], "exclude checks")
					if err != nil {
						return err
					}
					x.checks = map[string]bool{}
					for _, id := range ids {
						x.checks[id] = true
					}
				case "reason":
					if x.reason, err = p.str(kv[1], "exclude reason"); err != nil {
						return err
					}
				}
			}
			if patternNode == nil {
				return p.errorf(e, "an exclude entry needs a path")
			}
		}
		pattern, err := p.str(patternNode, "exclude path")
		if err != nil {
			return err
		}
		pattern = strings.TrimPrefix(filepath.ToSlash(pattern), "./")
		if !doublestar.ValidatePattern(pattern) {
			return p.errorf(patternNode, "exclude path %q is not a valid glob", pattern)
		}
		x.pattern = pattern
		c.exclude = append(c.exclude, x)
	}
	return nil
}

// mergeInto applies the configuration to the flags the command line left
// unset (changed reports which were set).
func (c *projectConfig) mergeInto(f *scanFlags, changed func(string) bool) {
	if c.failOn != "" && !changed("fail-on") {
		f.failOn = c.failOn
	}
	if c.side != "" && !changed("side") {
		f.side = c.side
	}
	if !changed("checks") {
		f.only = c.enable
		f.skip = append(append([]string(nil), c.disable...), f.skip...)
	}
	f.varFiles = append(append([]string(nil), c.varFiles...), f.varFiles...)
}

// withSeverities returns the checks with the configured severities. A
// check whose severity changes is copied, so the catalogue is left as it
// is and every output (SARIF rules included) sees the configured value.
func (c *projectConfig) withSeverities(checks []*analyzer.Check) []*analyzer.Check {
	if len(c.severity) == 0 {
		return checks
	}
	out := make([]*analyzer.Check, len(checks))
	for i, ch := range checks {
		out[i] = ch
		if s, ok := c.severity[ch.ID]; ok && s != ch.Severity {
			cp := *ch
			cp.Severity = s
			out[i] = &cp
		}
	}
	return out
}

// applyExclusions suppresses, with kind "config", the live findings in
// excluded paths; problems in files excluded for all checks become
// warnings, so that a vendored file that does not parse fails no build.
func (c *projectConfig) applyExclusions(res *analyzer.Result, cwd string) {
	if len(c.exclude) == 0 {
		return
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.Suppressed != nil {
			continue
		}
		if x := c.match(f.Range.Filename, f.CheckID, cwd); x != nil {
			reason := x.reason
			if reason == "" {
				reason = fmt.Sprintf("excluded by %s (%s)", c.path, x.pattern)
			}
			f.Suppressed = &analyzer.Suppression{Kind: "config", Reason: reason}
		}
	}
	for i, d := range res.Diagnostics {
		if d.Severity != hcl.DiagError || d.Subject == nil || c.match(d.Subject.Filename, "", cwd) == nil {
			continue
		}
		demoted := *d
		demoted.Severity = hcl.DiagWarning
		demoted.Detail = strings.TrimSpace(demoted.Detail + " (in a path " + c.path + " excludes, so not an error)")
		res.Diagnostics[i] = &demoted
	}
}

// match returns the exclusion that covers a file (relative to cwd) for a
// check; an empty check ID asks for exclusions of every check.
func (c *projectConfig) match(file, checkID, cwd string) *exclusion {
	abs := file
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(cwd, filepath.FromSlash(file))
	}
	rel, err := filepath.Rel(c.dir, abs)
	if err != nil {
		return nil
	}
	rel = filepath.ToSlash(rel)
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return nil
	}
	for i := range c.exclude {
		x := &c.exclude[i]
		if x.checks != nil && (checkID == "" || !x.checks[checkID]) {
			continue
		}
		if ok, _ := doublestar.Match(x.pattern, rel); ok {
			return x
		}
		// A pattern naming a directory excludes what is inside it.
		if ok, _ := doublestar.Match(strings.TrimSuffix(x.pattern, "/")+"/**", rel); ok {
			return x
		}
	}
	return nil
}

// displayPath shows an absolute path relative to the working directory
// when it is below it.
func displayPath(abs string) string {
	cwd, err := os.Getwd()
	if err != nil {
		return abs
	}
	if rel, err := filepath.Rel(cwd, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return abs
}
