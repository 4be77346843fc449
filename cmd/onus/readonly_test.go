package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-sec/onus/internal/gencorpus"
)

// TestReadOnlyTree scans a tree whose every file and directory is
// read-only, with an empty home, cache and temporary directory, and checks
// that the scan succeeds and that nothing was written anywhere: not in the
// tree (names, sizes, modes, times and contents compared before and after),
// not in the home or cache, not in the temporary directory. The only file
// written is the one --out names.
//
// As root the permission bits do not stop a write, so the comparison of the
// tree before and after is what proves that none was attempted.
func TestReadOnlyTree(t *testing.T) {
	root := t.TempDir()
	tree := filepath.Join(root, "tree")
	copyTree(t, filepath.Join("..", "..", "testdata", "examples", "insecure"), filepath.Join(tree, "insecure"))
	if _, err := gencorpus.Generate(filepath.Join(tree, "corpus"), gencorpus.Options{Seed: 2, Resources: 300}); err != nil {
		t.Fatal(err)
	}
	// A module cache as terraform init leaves it, and a lock file: onus
	// reads both and must leave both alone.
	writeFile(t, filepath.Join(tree, "insecure", ".terraform", "modules", "modules.json"), []byte(`{"Modules":[{"Key":"","Source":"","Dir":"."}]}`))
	home, tmp, outDir := filepath.Join(root, "home"), filepath.Join(root, "tmp"), filepath.Join(root, "out")
	for _, d := range []string{home, tmp, outDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	setTreeMode(t, tree, true)
	t.Cleanup(func() { setTreeMode(t, tree, false) })
	before := snapshot(t, tree)

	report := filepath.Join(outDir, "onus.json")
	cmd := exec.Command(binary, "scan", "--now", scanDate, "--format", "json", "--out", report, "--out", "sarif="+filepath.Join(outDir, "onus.sarif"), ".")
	cmd.Dir = tree
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "TMPDIR="+tmp, "NO_COLOR=1")
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if code != exitFindings {
		t.Fatalf("exit status %d, want %d (findings); output:\n%s", code, exitFindings, out)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []json.RawMessage
		Errors   []json.RawMessage
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("--out report is not JSON: %v", err)
	}
	if len(doc.Findings) == 0 || len(doc.Errors) != 0 {
		t.Errorf("%d findings and %d errors on a read-only tree, want findings and no errors", len(doc.Findings), len(doc.Errors))
	}

	if diff := cmp.Diff(before, snapshot(t, tree)); diff != "" {
		t.Errorf("the scan changed the tree (-before +after):\n%s", diff)
	}
	for _, d := range []string{home, tmp} {
		if entries, err := os.ReadDir(d); err != nil || len(entries) != 0 {
			t.Errorf("the scan wrote into %s: %v %v", d, entries, err)
		}
	}
	if entries, err := os.ReadDir(outDir); err != nil || len(entries) != 2 {
		t.Errorf("the --out directory holds %v (%v), want the two reports", entries, err)
	}
}

// snapshot lists every path under dir with its type, mode, size,
// modification time and a digest of its content.
func snapshot(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := os.Lstat(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		line := fmt.Sprintf("%s %v %d %d", filepath.ToSlash(rel), info.Mode(), info.Size(), info.ModTime().UnixNano())
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(data)
			line += " " + hex.EncodeToString(sum[:8])
		}
		out = append(out, line)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// setTreeMode makes every file and directory under dir read-only, or
// writable again.
func setTreeMode(t *testing.T, dir string, readOnly bool) {
	t.Helper()
	var paths []string
	_ = filepath.WalkDir(dir, func(path string, _ fs.DirEntry, err error) error {
		if err == nil {
			paths = append(paths, path)
		}
		return nil
	})
	// Children before parents when locking, parents before children when
	// unlocking, so that every chmod can reach its target.
	if readOnly {
		sort.Sort(sort.Reverse(sort.StringSlice(paths)))
	} else {
		sort.Strings(paths)
	}
	for _, p := range paths {
		info, err := os.Lstat(p)
		if err != nil || info.Mode()&fs.ModeSymlink != 0 {
			continue
		}
		mode := info.Mode().Perm() | 0o200
		if readOnly {
			mode = info.Mode().Perm() &^ 0o222
		}
		if err := os.Chmod(p, mode); err != nil && !strings.Contains(err.Error(), "no such file") {
			t.Errorf("chmod %s: %v", p, err)
		}
	}
}
