package checks

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/onus-sec/onus/analyzer"
)

// kebabRE is the shape of a check ID: lower-case words of letters and
// digits joined by single dashes. Users type IDs in ignore comments and on
// the command line, and IDs are final once released.
var kebabRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestCatalogue holds every registered check to the catalogue's contract:
// a kebab-case ID used once, every metadata field filled in, and at least
// one bad and one good fixture under testdata/checks/<id>/.
func TestCatalogue(t *testing.T) {
	registryMu.Lock()
	registered := append([]*analyzer.Check(nil), registry...)
	registryMu.Unlock()
	if len(registered) == 0 {
		t.Fatal("no checks registered")
	}
	seen := map[string]bool{}
	for _, c := range registered {
		if c == nil {
			t.Error("a nil check is registered")
			continue
		}
		t.Run(c.ID, func(t *testing.T) {
			if !kebabRE.MatchString(c.ID) {
				t.Errorf("ID %q is not kebab-case", c.ID)
			}
			if seen[c.ID] {
				t.Errorf("ID %q is registered twice", c.ID)
			}
			seen[c.ID] = true
			for _, problem := range metadataProblems(c) {
				t.Error(problem)
			}
			for _, problem := range fixtureProblems(filepath.Join("..", "testdata", "checks", c.ID)) {
				t.Error(problem)
			}
		})
	}
}

// metadataProblems lists the metadata fields of c that are missing or
// invalid.
func metadataProblems(c *analyzer.Check) []string {
	var out []string
	text := map[string]string{"Title": c.Title, "Boundary": c.Boundary, "Fix": c.Fix}
	for _, name := range []string{"Title", "Boundary", "Fix"} {
		if strings.TrimSpace(text[name]) == "" {
			out = append(out, name+" is empty")
		}
	}
	switch c.Severity {
	case analyzer.Low, analyzer.Medium, analyzer.High, analyzer.Critical:
	default:
		out = append(out, "Severity "+c.Severity.String()+" is not one of low, medium, high, critical")
	}
	switch c.Side {
	case analyzer.Customer, analyzer.Shared, analyzer.AWS:
	default:
		out = append(out, "Side "+string(c.Side)+" is not one of customer, shared, aws")
	}
	switch c.Category {
	case analyzer.DataProtection, analyzer.IAM, analyzer.Network, analyzer.Logging, analyzer.Patching, analyzer.Secrets:
	default:
		out = append(out, "Category "+string(c.Category)+" is not one of the model's categories")
	}
	if len(c.Resources) == 0 {
		out = append(out, "Resources is empty")
	}
	for _, r := range c.Resources {
		if strings.TrimSpace(r) == "" {
			out = append(out, "Resources holds an empty name")
		}
	}
	if c.Run == nil {
		out = append(out, "Run is nil")
	}
	return out
}

// fixtureProblems says what dir lacks: a bad* and a good* case directory,
// each holding at least one Terraform file.
func fixtureProblems(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return []string{"no fixtures: " + err.Error()}
	}
	has := map[string]bool{}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		for _, kind := range []string{"bad", "good"} {
			if strings.HasPrefix(e.Name(), kind) && holdsTerraform(filepath.Join(dir, e.Name())) {
				has[kind] = true
			}
		}
	}
	var out []string
	for _, kind := range []string{"bad", "good"} {
		if !has[kind] {
			out = append(out, "no "+kind+"* fixture with Terraform files in "+filepath.ToSlash(dir))
		}
	}
	return out
}

// holdsTerraform reports whether dir or a directory below it holds a .tf or
// .tf.json file.
func holdsTerraform(dir string) bool {
	found := false
	_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || found {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".tf") || strings.HasSuffix(path, ".tf.json")) {
			found = true
		}
		return nil
	})
	return found
}

// TestKebabRE pins what an ID may look like.
func TestKebabRE(t *testing.T) {
	for id, want := range map[string]bool{
		"s3-public-acl":    true,
		"ec2-imdsv1":       true,
		"lb-http-listener": true,
		"S3-public-acl":    false,
		"s3_public_acl":    false,
		"s3--public":       false,
		"-s3":              false,
		"s3-":              false,
		"":                 false,
		"s3 public":        false,
	} {
		if got := kebabRE.MatchString(id); got != want {
			t.Errorf("kebabRE(%q) = %v, want %v", id, got, want)
		}
	}
}
