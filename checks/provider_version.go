package checks

import (
	"strconv"
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// providerVersion is what a configuration says about the AWS provider
// version Terraform installs: the version locked in the root module's
// .terraform.lock.hcl, else the version constraints of every module. Without
// a lock file Terraform installs the newest version that meets all of them,
// so that is the version a missing argument is judged by; with no constraint
// at all onus assumes the newest provider (6.x).
//
// Checks whose argument default changed between major versions of the
// provider (redshift-public and redshift-unencrypted, both changed in 6.0.0)
// share this reading, so that they agree on which default applies.
type providerVersion struct {
	locked      string
	constraints []string
}

// awsProviderVersion reads the lock file entry and the required_providers
// constraints for hashicorp/aws.
func awsProviderVersion(c *analyzer.Config) providerVersion {
	pv := providerVersion{locked: c.LockedProviderVersion("hashicorp/aws")}
	for _, s := range c.ProviderConstraints("aws") {
		pv.constraints = append(pv.constraints, strings.Split(s, ",")...)
	}
	return pv
}

// newestBelow reports whether the provider version is known to be below
// major.0.0: the locked version, else the newest version the constraints
// admit. False without either (newest assumed), and false when the
// constraints cannot be read or admit nothing. Every default that changed so
// far changed in 6.0.0, hence one caller's value; the next major release will
// bring others.
func (pv providerVersion) newestBelow(major int) bool { //nolint:unparam // defaults change per major release: 6 today, 7 next
	if pv.locked != "" {
		v, _, ok := parseVersion(pv.locked)
		return ok && v[0] < major
	}
	if len(pv.constraints) == 0 {
		return false
	}
	floor := providerRelease{major, 0, 0}
	atLeast, ok1 := admits(pv.constraints, floor)
	some, ok2 := admits(pv.constraints, providerRelease{})
	return ok1 && ok2 && some && !atLeast
}

func (pv providerVersion) describe() string {
	if pv.locked != "" {
		return pv.locked + ", locked in .terraform.lock.hcl"
	}
	cs := make([]string, len(pv.constraints))
	for i, c := range pv.constraints {
		cs[i] = strings.TrimSpace(c)
	}
	return strings.Join(cs, ", ")
}

// providerRelease is a provider version, major.minor.patch.
type providerRelease [3]int

func (v providerRelease) less(w providerRelease) bool {
	for i := range v {
		if v[i] != w[i] {
			return v[i] < w[i]
		}
	}
	return false
}

// parseVersion reads "5", "5.31" or "5.31.0"; a pre-release or build suffix
// is dropped. It returns how many parts were written.
func parseVersion(s string) (v providerRelease, parts int, ok bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "v")
	if i := strings.IndexAny(s, "-+"); i >= 0 {
		s = s[:i]
	}
	fields := strings.Split(s, ".")
	if len(fields) == 0 || len(fields) > 3 {
		return v, 0, false
	}
	for i, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 {
			return v, 0, false
		}
		v[i] = n
	}
	return v, len(fields), true
}

// versionBound is one end of a version interval.
type versionBound struct {
	v         providerRelease
	inclusive bool
	set       bool
}

// admits reports whether some version at or above floor meets every
// constraint, in Terraform's syntax (=, !=, >, >=, <, <=, ~>). ok is false
// when a constraint cannot be read.
func admits(constraints []string, floor providerRelease) (admitted, ok bool) {
	lo := versionBound{v: floor, inclusive: true, set: true}
	var hi versionBound
	var excluded []providerRelease
	raise := func(b versionBound) {
		if lo.v.less(b.v) || (lo.v == b.v && !b.inclusive) {
			lo = b
		}
	}
	lower := func(b versionBound) {
		if !hi.set || b.v.less(hi.v) || (hi.v == b.v && !b.inclusive) {
			hi = b
		}
	}
	for _, c := range constraints {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		op := ""
		for _, candidate := range []string{"~>", ">=", "<=", "!=", ">", "<", "="} {
			if strings.HasPrefix(c, candidate) {
				op = candidate
				break
			}
		}
		v, parts, valid := parseVersion(strings.TrimPrefix(c, op))
		if !valid {
			return false, false
		}
		switch op {
		case "", "=":
			raise(versionBound{v: v, inclusive: true, set: true})
			lower(versionBound{v: v, inclusive: true, set: true})
		case "!=":
			excluded = append(excluded, v)
		case ">":
			raise(versionBound{v: v, set: true})
		case ">=":
			raise(versionBound{v: v, inclusive: true, set: true})
		case "<":
			lower(versionBound{v: v, set: true})
		case "<=":
			lower(versionBound{v: v, inclusive: true, set: true})
		case "~>":
			// ~> 5 and ~> 5.1 allow up to the next major version, ~> 5.1.2
			// up to the next minor one.
			raise(versionBound{v: v, inclusive: true, set: true})
			next := providerRelease{v[0] + 1, 0, 0}
			if parts == 3 {
				next = providerRelease{v[0], v[1] + 1, 0}
			}
			lower(versionBound{v: next, set: true})
		}
	}
	if !hi.set {
		return true, true
	}
	if lo.v.less(hi.v) {
		return true, true
	}
	if lo.v == hi.v && lo.inclusive && hi.inclusive {
		for _, x := range excluded {
			if x == lo.v {
				return false, true
			}
		}
		return true, true
	}
	return false, true
}
