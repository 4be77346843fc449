// Package checks holds the catalogue: one file per check, each registering
// itself, and the knowledge they share (policy documents, CIDRs and ports).
package checks

import (
	"sort"
	"sync"

	"github.com/onus-sec/onus/analyzer"
)

var (
	registryMu sync.Mutex
	registry   []*analyzer.Check
)

// register adds a check to the catalogue; each check file calls it from init.
func register(c *analyzer.Check) {
	registryMu.Lock()
	defer registryMu.Unlock()
	registry = append(registry, c)
}

// All returns every check, sorted by ID.
func All() []*analyzer.Check {
	registryMu.Lock()
	defer registryMu.Unlock()
	out := append([]*analyzer.Check(nil), registry...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// ByID returns the check with the given ID, or nil.
func ByID(id string) *analyzer.Check {
	for _, c := range All() {
		if c.ID == id {
			return c
		}
	}
	return nil
}
