package gencorpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2/hclparse"
)

// ParseFloor reads and parses every .tf and .tf.json file under dir with
// hclparse, one after another, and does nothing else: the least any
// Terraform scanner must spend on a tree, against which onus's cost is
// measured. It returns the number of files and bytes read and whether any
// had parse errors.
func ParseFloor(dir string) (files int, bytes int64, parseErrors bool, err error) {
	parser := hclparse.NewParser()
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != dir && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		var parse func([]byte, string) (any, bool)
		switch {
		case strings.HasSuffix(path, ".tf"):
			parse = func(src []byte, name string) (any, bool) {
				f, diags := parser.ParseHCL(src, name)
				return f, diags.HasErrors()
			}
		case strings.HasSuffix(path, ".tf.json"):
			parse = func(src []byte, name string) (any, bool) {
				f, diags := parser.ParseJSON(src, name)
				return f, diags.HasErrors()
			}
		default:
			return nil
		}
		src, err := os.ReadFile(path) // #nosec G122 -- a measuring tool run on trees it generated
		if err != nil {
			return err
		}
		if _, bad := parse(src, path); bad {
			parseErrors = true
		}
		files++
		bytes += int64(len(src))
		return nil
	})
	return files, bytes, parseErrors, err
}
