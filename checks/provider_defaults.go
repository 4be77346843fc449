package checks

import (
	_ "embed" // the table of provider default changes
	"encoding/json"
	"fmt"
	"sort"
	"sync"

	"github.com/onus-sec/onus/analyzer"
)

// The AWS provider changes the defaults of some arguments between major
// versions (Redshift clusters are encrypted and private by default from
// 6.0.0). data/provider_defaults.json lists those changes, one entry per
// argument, with the source of each; providerDefault answers "what does
// this argument default to for this configuration", judged by the provider
// version that will apply.

//go:embed data/provider_defaults.json
var providerDefaultsJSON []byte

// defaultsTable is data/provider_defaults.json.
type defaultsTable struct {
	Defaults []defaultEntry `json:"defaults"`
}

// defaultEntry is the history of one argument's default.
type defaultEntry struct {
	Resource string          `json:"resource"`
	Argument string          `json:"argument"`
	Before   any             `json:"before"`
	Changes  []defaultChange `json:"changes"`
}

// defaultChange is a new default from a provider version on.
type defaultChange struct {
	Since   string `json:"since"`
	Default any    `json:"default"`
	Source  string `json:"source"`
}

var (
	defaultsOnce  sync.Once
	defaultsByKey map[string]*defaultEntry
	defaultsErr   error
)

func loadProviderDefaults() (map[string]*defaultEntry, error) {
	defaultsOnce.Do(func() {
		var t defaultsTable
		if err := json.Unmarshal(providerDefaultsJSON, &t); err != nil {
			defaultsErr = fmt.Errorf("reading data/provider_defaults.json: %w", err)
			return
		}
		defaultsByKey = map[string]*defaultEntry{}
		for i := range t.Defaults {
			e := &t.Defaults[i]
			for _, c := range e.Changes {
				if _, _, ok := parseVersion(c.Since); !ok {
					defaultsErr = fmt.Errorf("data/provider_defaults.json: %s.%s: bad version %q", e.Resource, e.Argument, c.Since)
					return
				}
			}
			sort.SliceStable(e.Changes, func(a, b int) bool {
				va, _, _ := parseVersion(e.Changes[a].Since)
				vb, _, _ := parseVersion(e.Changes[b].Since)
				return va.less(vb)
			})
			defaultsByKey[e.Resource+"."+e.Argument] = e
		}
	})
	return defaultsByKey, defaultsErr
}

// argumentDefault is the default of an argument for one configuration.
type argumentDefault struct {
	// Value is the default: a bool, a string or a float64, as in the table.
	Value any
	// Version says which provider version's default it is, for messages:
	// "6.0.0 or later (the newest provider; no version constraint)".
	Version string
}

// providerDefault returns the default of a resource argument under the AWS
// provider version the configuration will use: the version locked in
// .terraform.lock.hcl, else the newest the required_providers constraints
// admit, else the newest release. ok is false when the table has no entry
// for the argument; the check then uses the default it knows.
func providerDefault(c *analyzer.Config, resource, argument string) (def argumentDefault, ok bool) {
	table, err := loadProviderDefaults()
	if err != nil {
		return argumentDefault{}, false
	}
	e := table[resource+"."+argument]
	if e == nil {
		return argumentDefault{}, false
	}
	pv := awsProviderVersion(c)
	def = argumentDefault{Value: e.Before}
	var since string
	for _, ch := range e.Changes {
		if pv.reaches(ch.Since) {
			def.Value, since = ch.Default, ch.Since
		}
	}
	def.Version = pv.describeAgainst(since, e.Changes)
	return def, true
}

// providerDefaultBool is providerDefault for a bool argument; ok is false
// when the table has no bool default for it.
func providerDefaultBool(c *analyzer.Config, resource, argument string) (value bool, version string, ok bool) { //nolint:unparam // the table is for any type; only Redshift defaults have changed so far
	def, ok := providerDefault(c, resource, argument)
	if !ok {
		return false, "", false
	}
	b, isBool := def.Value.(bool)
	return b, def.Version, isBool
}

// reaches reports whether the provider version that will apply is at least
// v: the locked version, else the newest the constraints admit. Without a
// lock or constraints the newest release applies, which is past every
// change in the table; constraints that cannot be read, or admit nothing,
// count as the newest too.
func (pv providerVersion) reaches(v string) bool {
	want, _, ok := parseVersion(v)
	if !ok {
		return false
	}
	if pv.locked != "" {
		got, _, ok := parseVersion(pv.locked)
		return !ok || !got.less(want)
	}
	if len(pv.constraints) == 0 {
		return true
	}
	atLeast, ok1 := admits(pv.constraints, want)
	some, ok2 := admits(pv.constraints, providerRelease{})
	if !ok1 || !ok2 || !some {
		return true
	}
	return atLeast
}

// describeAgainst names the provider version range whose default applies:
// since is the change in effect ("" for the default before every change).
func (pv providerVersion) describeAgainst(since string, changes []defaultChange) string {
	var which string
	switch {
	case since != "":
		which = since + " or later"
		from, _, _ := parseVersion(since)
		for _, ch := range changes {
			if v, _, _ := parseVersion(ch.Since); from.less(v) {
				which = since + " to before " + ch.Since
				break
			}
		}
	case len(changes) > 0:
		which = "before " + changes[0].Since
	default:
		which = "every version"
	}
	switch {
	case pv.locked != "":
		return fmt.Sprintf("%s (%s locked in .terraform.lock.hcl)", which, pv.locked)
	case len(pv.constraints) > 0:
		return fmt.Sprintf("%s (the newest provider that %s admits)", which, pv.describe())
	}
	return which + " (the newest provider: no version constraint)"
}
