package checks

import "testing"

func TestProviderVersionNewestBelow(t *testing.T) {
	tests := []struct {
		name string
		pv   providerVersion
		want bool
	}{
		{"nothing known: newest assumed", providerVersion{}, false},
		{"lock file 5.x", providerVersion{locked: "5.100.0"}, true},
		{"lock file 6.x", providerVersion{locked: "6.2.0"}, false},
		{"lock file wins over constraints", providerVersion{locked: "5.100.0", constraints: []string{">= 6.0"}}, true},
		{"unreadable lock file version", providerVersion{locked: "five"}, false},
		{"pessimistic 5.x", providerVersion{constraints: []string{"~> 5.60"}}, true},
		{"open-ended", providerVersion{constraints: []string{">= 5.0"}}, false},
		{"range below 6", providerVersion{constraints: []string{">= 4.0", " < 6.0"}}, true},
		{"exact 6", providerVersion{constraints: []string{"6.0.0"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.pv.newestBelow(6); got != tt.want {
				t.Errorf("newestBelow(6) = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestProviderVersionDescribe(t *testing.T) {
	tests := []struct {
		pv   providerVersion
		want string
	}{
		{providerVersion{locked: "5.100.0"}, "5.100.0, locked in .terraform.lock.hcl"},
		{providerVersion{constraints: []string{">= 4.0", " < 6.0"}}, ">= 4.0, < 6.0"},
		{providerVersion{constraints: []string{"~> 5.60"}}, "~> 5.60"},
	}
	for _, tt := range tests {
		if got := tt.pv.describe(); got != tt.want {
			t.Errorf("describe(%+v) = %q, want %q", tt.pv, got, tt.want)
		}
	}
}

func TestParseVersion(t *testing.T) {
	tests := []struct {
		in    string
		want  providerRelease
		parts int
		ok    bool
	}{
		{"5", providerRelease{5, 0, 0}, 1, true},
		{"5.31", providerRelease{5, 31, 0}, 2, true},
		{" v5.31.2 ", providerRelease{5, 31, 2}, 3, true},
		{"6.0.0-beta1", providerRelease{6, 0, 0}, 3, true},
		{"5.31.2.1", providerRelease{}, 0, false},
		{"x.1", providerRelease{}, 0, false},
		{"-1", providerRelease{}, 0, false},
	}
	for _, tt := range tests {
		got, parts, ok := parseVersion(tt.in)
		if got != tt.want || parts != tt.parts || ok != tt.ok {
			t.Errorf("parseVersion(%q) = %v, %d, %v; want %v, %d, %v", tt.in, got, parts, ok, tt.want, tt.parts, tt.ok)
		}
	}
}
