package checks

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/onus-sec/onus/analyzer"
)

// TestFixtureControls runs each check over its fixtures and checks the
// controls derived from the run: failed controls are the live findings, a
// good case fails nothing, and a case named good_unknown, written around
// values unknown at scan time, shows at least one unknown control rather
// than passing everything.
func TestFixtureControls(t *testing.T) {
	root := filepath.Join("..", "testdata", "checks")
	ids, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, idDir := range ids {
		c := ByID(idDir.Name())
		if c == nil {
			continue
		}
		cases, err := os.ReadDir(filepath.Join(root, c.ID))
		if err != nil {
			t.Fatal(err)
		}
		for _, cs := range cases {
			if !cs.IsDir() {
				continue
			}
			dir := filepath.Join(root, c.ID, cs.Name())
			t.Run(c.ID+"/"+cs.Name(), func(t *testing.T) {
				ctx := context.Background()
				proj, err := analyzer.Load(ctx, []string{dir}, analyzer.Options{})
				if err != nil {
					t.Fatal(err)
				}
				res := proj.Run(ctx, []*analyzer.Check{c}, analyzer.RunOptions{Now: fixtureDate})
				fails, unknown := 0, 0
				for _, ctl := range res.Controls() {
					switch ctl.Status {
					case analyzer.StatusFail:
						fails++
					case analyzer.StatusUnknown:
						unknown++
						if !strings.HasPrefix(ctl.Detail, "unknown at scan time: ") || len(ctl.Detail) == len("unknown at scan time: ") {
							t.Errorf("%s: unknown control without a reason: %q", ctl.Resource.Address, ctl.Detail)
						}
					}
				}
				if live := len(res.Live()); fails != live && !hasConfigFindings(res) {
					t.Errorf("%d failed controls for %d live findings", fails, live)
				}
				if strings.HasPrefix(cs.Name(), "good") && fails > 0 {
					t.Errorf("a good case has %d failed controls", fails)
				}
				if strings.HasPrefix(cs.Name(), "good_unknown") && unknown == 0 {
					t.Errorf("a case built on unknown values shows no unknown control")
				}
			})
		}
	}
}

// hasConfigFindings reports whether some finding is about a block that is
// no resource instance (a provider block, a backend), which the derived
// controls do not carry.
func hasConfigFindings(res *analyzer.Result) bool {
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Resource, "provider.") || strings.Contains(f.Resource, "terraform.backend.") || strings.Contains(f.Resource, ".provider.") {
			return true
		}
	}
	return false
}
