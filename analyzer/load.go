package analyzer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"golang.org/x/sync/errgroup"
)

// Options configure loading and evaluation.
type Options struct {
	// VarFiles are extra variable files, applied after terraform.tfvars and
	// *.auto.tfvars, in order, as Terraform's -var-file.
	VarFiles []string
	// Vars are name=value assignments, applied last, as Terraform's -var.
	Vars []string
	// Workspace is terraform.workspace; "default" when empty.
	Workspace string
	// MaxInstances bounds count and for_each expansion per resource.
	MaxInstances int
	// MaxModuleDepth bounds module nesting.
	MaxModuleDepth int
	// MaxFileSize skips larger files with a warning.
	MaxFileSize int64
	// Parallelism bounds concurrent work; GOMAXPROCS when zero.
	Parallelism int
	// MaxNesting bounds how deeply brackets may nest in one file. The HCL
	// parser recurses per level, so a hostile file could otherwise exhaust
	// the stack, which no recover can catch.
	MaxNesting int
	// EvalTimeout bounds the evaluation of one root module and everything
	// it calls.
	EvalTimeout time.Duration
	// MaxElements bounds the values one expression may build through
	// nested for-expressions; a larger one is unknown.
	MaxElements int
}

// Default limits, generous for real code and small enough that hostile input
// cannot exhaust a CI runner.
const (
	DefaultMaxInstances   = 10000
	DefaultMaxModuleDepth = 32
	DefaultMaxFileSize    = 10 << 20
	DefaultMaxNesting     = 256
	DefaultEvalTimeout    = 2 * time.Minute
)

func (o Options) withDefaults() Options {
	if o.MaxInstances <= 0 {
		o.MaxInstances = DefaultMaxInstances
	}
	if o.MaxModuleDepth <= 0 {
		o.MaxModuleDepth = DefaultMaxModuleDepth
	}
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = DefaultMaxFileSize
	}
	if o.MaxNesting <= 0 {
		o.MaxNesting = DefaultMaxNesting
	}
	if o.MaxElements <= 0 {
		o.MaxElements = DefaultMaxElements
	}
	if o.EvalTimeout <= 0 {
		o.EvalTimeout = DefaultEvalTimeout
	}
	if o.Parallelism <= 0 {
		o.Parallelism = runtime.GOMAXPROCS(0)
	}
	if o.Workspace == "" {
		o.Workspace = "default"
	}
	return o
}

// File is one Terraform file as read.
type File struct {
	// Name is the path shown to users: relative to the working directory,
	// slash-separated.
	Name string
	// Abs is the absolute path.
	Abs   string
	Bytes []byte
	HCL   *hcl.File
	// JSON is set for .tf.json files.
	JSON bool

	linesOnce  sync.Once
	lineStarts []int

	// exprs holds the expressions parsed again for the model
	// (Attribute.Expr), by start offset.
	exprMu sync.Mutex
	exprs  map[int]hcl.Expression
}

// Project is a set of scanned paths: every directory of Terraform files under
// them, parsed, and the root modules to evaluate.
type Project struct {
	opts Options
	cwd  string
	// roots are the absolute directories of root modules, sorted.
	roots []string
	// scanRoots are the absolute paths the user named (directories); file
	// functions and module sources may not reach outside them.
	scanRoots []string
	// targets, when set, limits reported findings to these files
	// (pre-commit mode).
	targets map[string]bool

	mu    sync.Mutex
	dirs  map[string]*dirModule
	files map[string]*File // by display name
	// keys caches dirKey: a module called ten thousand times resolves its
	// path once.
	keys  sync.Map
	diags hcl.Diagnostics
	// helpers bounds the goroutines that help parse a directory of many
	// files beside the ones parsing directories.
	helpers chan struct{}
}

// dirModule is one directory parsed once, however many times it is called.
type dirModule struct {
	abs   string
	files []*File
	// byName holds the files by display name.
	byName map[string]*File
	decl   *moduleDecl
	once   sync.Once
	diags  hcl.Diagnostics

	// mu guards decl, graph, released and the files' syntax trees once
	// the directory is parsed.
	mu sync.Mutex
	// What every evaluation of the module needs and none changes: its
	// dependency graph and the attribute names its expressions read,
	// worked out on first use (modgraph.go).
	graph *moduleGraph
	// pending counts the evaluations still to read the syntax, when a run
	// lets it go as soon as the last is done (release.go).
	pending  atomic.Int32
	released bool
	// once is set when a run foresees a single evaluation of the
	// directory (release.go).
	evaluatedOnce bool
}

// Load discovers the Terraform directories under paths and parses them. A path
// naming a file selects pre-commit mode: the file's whole directory is
// evaluated, and only findings located in the named files are reported.
// Problems with individual files become diagnostics; an error is returned only
// when nothing can be scanned at all.
func Load(ctx context.Context, paths []string, opts Options) (*Project, error) {
	opts = opts.withDefaults()
	cwd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("finding the working directory: %w", err)
	}
	p := &Project{opts: opts, cwd: cwd, dirs: map[string]*dirModule{}, files: map[string]*File{}, helpers: make(chan struct{}, opts.Parallelism-1)}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	dirSet := map[string]bool{}
	for _, path := range paths {
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, fmt.Errorf("resolving %s: %w", path, err)
		}
		info, err := os.Stat(abs) // #nosec G703 -- the paths to scan are the user's to name
		if err != nil {
			return nil, fmt.Errorf("cannot scan %s: %w", path, err)
		}
		if !info.IsDir() {
			if p.targets == nil {
				p.targets = map[string]bool{}
			}
			p.targets[p.displayName(abs)] = true
			dir := filepath.Dir(abs)
			p.scanRoots = append(p.scanRoots, dir)
			if isTerraformFile(abs) {
				dirSet[dir] = true
			}
			continue
		}
		p.scanRoots = append(p.scanRoots, abs)
		p.discover(ctx, abs, dirSet)
	}
	dirs := make([]string, 0, len(dirSet))
	for d := range dirSet {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(opts.Parallelism)
	for _, d := range dirs {
		g.Go(func() error {
			if gctx.Err() == nil {
				p.dir(d)
			}
			return nil
		})
	}
	_ = g.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p.roots = p.findRoots(dirs)
	return p, nil
}

// discover walks root collecting directories that hold Terraform files. It
// skips hidden directories (.terraform, .git) and never follows symbolic links
// to directories, so a link loop or a link out of the tree goes nowhere.
func (p *Project) discover(ctx context.Context, root string, dirSet map[string]bool) {
	// #nosec G703 -- root is a path the user named; links are not followed.
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return fs.SkipAll
		}
		if err != nil {
			p.addDiag(&hcl.Diagnostic{
				Severity: hcl.DiagWarning,
				Summary:  "Unreadable path",
				Detail:   p.pathError(path, err),
				Subject:  wholeFile(p.displayName(path)),
			})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if isTerraformFile(path) {
			dirSet[filepath.Dir(path)] = true
		}
		return nil
	})
}

func isTerraformFile(path string) bool {
	return strings.HasSuffix(path, ".tf") || strings.HasSuffix(path, ".tf.json")
}

// wholeFile is the location of a problem with a whole file or directory:
// its first line, so that every diagnostic has a file and a line.
func wholeFile(name string) *hcl.Range {
	return &hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos}
}

// pathError describes a failure to read path as users see paths: the
// operating system's errors name the absolute path, which would be the one
// place in a report that is not relative to the working directory.
func (p *Project) pathError(path string, err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return p.displayName(pe.Path) + ": " + pe.Err.Error()
	}
	return p.displayName(path) + ": " + err.Error()
}

// displayName turns an absolute path into the name users see: relative to
// the working directory and slash-separated.
func (p *Project) displayName(abs string) string {
	if rel, err := filepath.Rel(p.cwd, abs); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

func (p *Project) addDiag(d *hcl.Diagnostic) {
	p.mu.Lock()
	p.diags = append(p.diags, d)
	p.mu.Unlock()
}

// within reports whether abs lies inside one of the scan roots after
// resolving symbolic links, so that nothing outside them is ever read.
func (p *Project) within(abs string) bool {
	resolved, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return false
	}
	for _, root := range p.scanRoots {
		rr, err := filepath.EvalSymlinks(root)
		if err != nil {
			continue
		}
		if resolved == rr || strings.HasPrefix(resolved, rr+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// missingInside reports whether abs, refused as outside the tree, is simply
// absent: it names a place inside the tree, the nearest directory above it
// that exists lies inside the tree once resolved, and nothing, not even a
// link, has the next name there. Saying so tells nothing of what lies
// outside the tree, and only places inside it are looked at; a dangling
// link is still refused as outside.
func (p *Project) missingInside(abs string) bool {
	abs = filepath.Clean(abs)
	if !p.lexicallyWithin(abs) {
		return false
	}
	for dir, name := filepath.Dir(abs), filepath.Base(abs); ; dir, name = filepath.Dir(dir), filepath.Base(dir) {
		if resolved, err := filepath.EvalSymlinks(dir); err == nil {
			if !p.within(resolved) {
				return false
			}
			_, err := os.Lstat(filepath.Join(resolved, name))
			return errors.Is(err, fs.ErrNotExist)
		}
		if filepath.Dir(dir) == dir || !p.lexicallyWithin(dir) {
			return false
		}
	}
}

// lexicallyWithin reports whether abs names a place inside one of the scan
// roots before any link is resolved. It touches no file: a path that fails
// it is refused without even asking whether it exists.
func (p *Project) lexicallyWithin(abs string) bool {
	abs = filepath.Clean(abs)
	for _, root := range p.scanRoots {
		if abs == root || strings.HasPrefix(abs, strings.TrimSuffix(root, string(filepath.Separator))+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// dir returns the parsed directory, parsing it on first use. Directories
// are told apart by where they really are, after resolving symbolic links:
// one reached under several names (a link, a path through ..) is parsed
// once, under the name it was first met by, and a module that calls itself
// through a link is the same directory and so a cycle.
func (p *Project) dir(abs string) *dirModule {
	key := p.dirKey(abs)
	p.mu.Lock()
	dm := p.dirs[key]
	if dm == nil {
		dm = &dirModule{abs: abs}
		p.dirs[key] = dm
	}
	p.mu.Unlock()
	dm.once.Do(func() { p.parseDir(dm) })
	return dm
}

// dirKey is a directory's path with every symbolic link resolved, or its
// cleaned path when it cannot be resolved.
func (p *Project) dirKey(abs string) string {
	if k, ok := p.keys.Load(abs); ok {
		return k.(string)
	}
	key := filepath.Clean(abs)
	if resolved, err := filepath.EvalSymlinks(abs); err == nil {
		key = resolved
	}
	p.keys.Store(abs, key)
	return key
}

// sameDir names a directory as the parsed one it resolves to, when it has
// been parsed: the name findRoots and the cycle check compare.
func (p *Project) sameDir(abs string) string {
	key := p.dirKey(abs)
	p.mu.Lock()
	defer p.mu.Unlock()
	if dm := p.dirs[key]; dm != nil {
		return dm.abs
	}
	return filepath.Clean(abs)
}

func (p *Project) parseDir(dm *dirModule) {
	entries, err := os.ReadDir(dm.abs)
	if err != nil {
		dm.diags = append(dm.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unreadable directory",
			Detail:   p.pathError(dm.abs, err),
			Subject:  wholeFile(p.displayName(dm.abs)),
		})
		p.addDiag(dm.diags[0])
		dm.decl = &moduleDecl{}
		return
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() || !isTerraformFile(e.Name()) || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		names = append(names, e.Name())
	}
	sort.Strings(names)
	files := make([]*File, len(names))
	diags := make([]hcl.Diagnostics, len(names))
	p.parseEach(len(names), func(i int) {
		files[i], diags[i] = p.parseFile(filepath.Join(dm.abs, names[i]))
	})
	dm.byName = make(map[string]*File, len(names))
	for i, f := range files {
		dm.diags = append(dm.diags, diags[i]...)
		if f != nil {
			dm.files = append(dm.files, f)
			dm.byName[f.Name] = f
		}
	}
	for _, d := range dm.diags {
		p.addDiag(d)
	}
	dm.decl = declare(dm.files, func(d *hcl.Diagnostic) { p.addDiag(d) })
}

// parseEach calls parse for 0..n-1, on this goroutine and on as many
// helpers as are free: a module of five hundred files is not parsed on one
// core while the others wait.
func (p *Project) parseEach(n int, parse func(int)) {
	var next atomic.Int64
	work := func() {
		for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
			parse(i)
		}
	}
	var wg sync.WaitGroup
	for range n - 1 {
		select {
		case p.helpers <- struct{}{}:
			wg.Go(func() {
				defer func() { <-p.helpers }()
				work()
			})
			continue
		default:
		}
		break
	}
	work()
	wg.Wait()
}

// parseFile reads and parses one file. Broken files yield diagnostics with
// file and line; whatever part of the file parsed is still returned.
func (p *Project) parseFile(abs string) (*File, hcl.Diagnostics) {
	name := p.displayName(abs)
	rng := &hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos}
	fail := func(summary, detail string, sev hcl.DiagnosticSeverity) hcl.Diagnostics {
		return hcl.Diagnostics{{Severity: sev, Summary: summary, Detail: detail, Subject: rng}}
	}
	if !p.within(abs) {
		return nil, fail("File outside the scan root", name+" is a link to a file outside the scanned tree; it was not read.", hcl.DiagWarning)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, fail("Unreadable file", p.pathError(abs, err), hcl.DiagError)
	}
	if !info.Mode().IsRegular() {
		return nil, fail("Not a regular file", name+" is not a regular file; it was not read.", hcl.DiagWarning)
	}
	if info.Size() > p.opts.MaxFileSize {
		return nil, fail("File too large", fmt.Sprintf("%s is %d bytes, over the %d-byte limit; it was skipped (raise it with --max-file-size).", name, info.Size(), p.opts.MaxFileSize), hcl.DiagWarning)
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		return nil, fail("Unreadable file", p.pathError(abs, err), hcl.DiagError)
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line := bytes.Count(src[:i], []byte("\n")) + 1
		r := hcl.Range{Filename: name, Start: hcl.Pos{Line: line, Column: 1, Byte: i}, End: hcl.Pos{Line: line, Column: 1, Byte: i}}
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Binary file", Detail: name + " contains a NUL byte and is not Terraform source; it was skipped.", Subject: &r}}
	}
	if !utf8.Valid(src) {
		line := 1
		for i := 0; i < len(src); {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			if r == '\n' {
				line++
			}
			i += size
		}
		r := hcl.Range{Filename: name, Start: hcl.Pos{Line: line, Column: 1}, End: hcl.Pos{Line: line, Column: 1}}
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid UTF-8", Detail: name + " is not valid UTF-8; it was skipped.", Subject: &r}}
	}
	// A byte order mark is valid in files saved by some editors.
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if line, deep := nestingTooDeep(src, p.opts.MaxNesting); deep {
		r := hcl.Range{Filename: name, Start: hcl.Pos{Line: line, Column: 1}, End: hcl.Pos{Line: line, Column: 1}}
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Nesting too deep",
			Detail: fmt.Sprintf("%s nests brackets more than %d levels deep; it was skipped (raise it with --max-nesting).", name, p.opts.MaxNesting), Subject: &r}}
	}
	f := &File{Name: name, Abs: abs, Bytes: src, JSON: strings.HasSuffix(abs, ".json")}
	diags := f.parse()
	p.mu.Lock()
	p.files[name] = f
	p.mu.Unlock()
	if f.HCL == nil || f.HCL.Body == nil {
		return f, diags
	}
	return f, diags
}

// parse parses the file's bytes into its syntax tree. A parser that panics
// leaves no tree and an error.
func (f *File) parse() (diags hcl.Diagnostics) {
	defer func() {
		if r := recover(); r != nil {
			rng := &hcl.Range{Filename: f.Name, Start: hcl.InitialPos, End: hcl.InitialPos}
			diags = hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Parser failure", Detail: fmt.Sprintf("parsing %s failed: %v", f.Name, r), Subject: rng}}
			f.HCL = nil
		}
	}()
	if f.JSON {
		f.HCL, diags = hcljson.Parse(f.Bytes, f.Name)
		if !diags.HasErrors() {
			diags = append(diags, jsonRootProblems(f.Bytes, f.Name)...)
		}
		return diags
	}
	f.HCL, diags = hclsyntax.ParseConfig(f.Bytes, f.Name, hcl.InitialPos)
	return diags
}

// findRoots picks the root modules among the discovered directories: those
// no other discovered directory calls as a local module. A directory only
// reachable through a cycle of calls is still scanned, as a root.
func (p *Project) findRoots(dirs []string) []string {
	called := map[string]bool{}
	edges := map[string][]string{}
	for _, d := range dirs {
		dm := p.dir(d)
		for _, mc := range dm.decl.modules {
			if src, ok := localSource(mc.source); ok {
				child := p.sameDir(filepath.Join(d, src))
				if child != d {
					called[child] = true
					edges[d] = append(edges[d], child)
				}
			}
		}
	}
	var roots []string
	reached := map[string]bool{}
	var visit func(string)
	visit = func(d string) {
		if reached[d] {
			return
		}
		reached[d] = true
		for _, c := range edges[d] {
			visit(c)
		}
	}
	for _, d := range dirs {
		if !called[d] {
			roots = append(roots, d)
			visit(d)
		}
	}
	for _, d := range dirs {
		if !reached[d] {
			roots = append(roots, d)
			visit(d)
		}
	}
	sort.Strings(roots)
	return roots
}

// localSource reports whether a module source is a local path and returns it.
func localSource(src string) (string, bool) {
	if strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") || src == "." || src == ".." {
		return filepath.FromSlash(src), true
	}
	return "", false
}

// nestingTooDeep reports whether brackets nest more than limit levels deep
// anywhere in src, and the line where they first do. Brackets inside strings
// count too: the over-estimate only matters for files no one writes by hand.
func nestingTooDeep(src []byte, limit int) (line int, deep bool) {
	depth := 0
	line = 1
	for _, b := range src {
		switch b {
		case '\n':
			line++
		case '{', '[', '(':
			depth++
			if depth > limit {
				return line, true
			}
		case '}', ']', ')':
			if depth > 0 {
				depth--
			}
		}
	}
	return 0, false
}

// rootKey names a root module independently of the working directory: its
// path relative to the enclosing repository, else to the scanned path that
// holds it.
func (p *Project) rootKey(rootAbs string) string {
	for dir := rootAbs; ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			if rel, err := filepath.Rel(dir, rootAbs); err == nil {
				return filepath.ToSlash(rel)
			}
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	for _, sr := range p.scanRoots {
		if rel, err := filepath.Rel(sr, rootAbs); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return ""
}

// file returns the directory's file of that display name, or nil.
func (dm *dirModule) file(name string) *File {
	return dm.byName[name]
}

// file returns the scanned file of that display name, or nil.
func (p *Project) file(name string) *File {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.files[name]
}
