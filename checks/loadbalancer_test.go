package checks

import "testing"

func TestELBPolicyMinTLSVersion(t *testing.T) {
	for _, tc := range []struct {
		policy, want string
		known        bool
	}{
		{"ELBSecurityPolicy-2016-08", "1.0", true},
		{"ELBSecurityPolicy-FS-2018-06", "1.0", true},
		{"ELBSecurityPolicy-TLS13-1-0-2021-06", "1.0", true},
		{"ELBSecurityPolicy-TLS-1-1-2017-01", "1.1", true},
		{"ELBSecurityPolicy-TLS13-1-1-2021-06", "1.1", true},
		{"ELBSecurityPolicy-TLS-1-2-Ext-2018-06", "1.2", true},
		{"ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09", "1.2", true},
		{"ELBSecurityPolicy-TLS13-1-3-2021-06", "1.3", true},
		{"ELBSecurityPolicy-TLS13-1-3-PQ-2030-01", "", false},
		{"", "", false},
	} {
		got, known := elbPolicyMinTLSVersion(tc.policy)
		if got != tc.want || known != tc.known {
			t.Errorf("elbPolicyMinTLSVersion(%q) = %q, %v; want %q, %v", tc.policy, got, known, tc.want, tc.known)
		}
	}
	if v, ok := elbPolicyMinTLSVersion(elbDefaultSSLPolicy); !ok || v != "1.0" {
		t.Errorf("the API default %s should be in the table with TLS 1.0, got %q %v", elbDefaultSSLPolicy, v, ok)
	}
}

// TestELBPolicyNamesMatchTheirRange checks the table against the naming
// scheme of the TLS13 policies, which states the range: a typo in the table
// would show here.
func TestELBPolicyNamesMatchTheirRange(t *testing.T) {
	for name, minor := range elbPolicyMinTLS {
		for prefix, want := range map[string]int{
			"ELBSecurityPolicy-TLS13-1-0-": 0, "ELBSecurityPolicy-TLS13-1-1-": 1,
			"ELBSecurityPolicy-TLS13-1-2-": 2, "ELBSecurityPolicy-TLS13-1-3-": 3,
		} {
			if len(name) > len(prefix) && name[:len(prefix)] == prefix && minor != want {
				t.Errorf("%s: table says TLS 1.%d, name says 1.%d", name, minor, want)
			}
		}
	}
}
