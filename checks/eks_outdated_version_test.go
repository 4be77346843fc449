package checks

import (
	"strings"
	"testing"
	"time"
)

func TestEKSCalendarData(t *testing.T) {
	cal, err := loadEKSCalendar(eksVersionsJSON)
	if err != nil {
		t.Fatal(err)
	}
	for i, rel := range cal {
		if !rel.endOfStandard.Before(rel.endOfExtended) {
			t.Errorf("%s: standard support ends %s, not before extended support (%s)", rel.version, rel.endOfStandardS, rel.endOfExtendedS)
		}
		if i > 0 && !rel.version.less(cal[i-1].version) {
			t.Errorf("calendar not sorted newest first at %s", rel.version)
		}
		if i > 0 && !rel.endOfStandard.Before(cal[i-1].endOfStandard) {
			t.Errorf("%s leaves standard support no earlier than %s", rel.version, cal[i-1].version)
		}
	}
	for _, bad := range []string{`{`, `{"versions": []}`, `{"versions": [{"version": "one", "end_of_standard_support": "2025-01-01", "end_of_extended_support": "2026-01-01"}]}`, `{"versions": [{"version": "1.30", "end_of_standard_support": "soon", "end_of_extended_support": "2026-01-01"}]}`} {
		if _, err := loadEKSCalendar([]byte(bad)); err == nil {
			t.Errorf("loadEKSCalendar(%s) succeeded", bad)
		}
	}
}

func TestEKSVersionStatus(t *testing.T) {
	day := mustDate
	tests := []struct {
		version string
		now     time.Time
		want    string // a fragment of the message, "" for none
	}{
		{"1.33", day("2026-06-01"), ""},
		{"1.33", day("2026-07-29"), "left EKS standard support on 2026-07-29"},
		{"1.32", day("2026-03-22"), ""},
		{"1.32", day("2026-06-01"), "until 2027-03-23"},
		{"1.29", day("2026-06-01"), "end of EKS extended support on 2026-03-23"},
		{"1.20", day("2026-06-01"), "left EKS support entirely"},
		{"1.99", day("2026-06-01"), ""},
	}
	for _, tt := range tests {
		v, ok := parseKubernetesVersion(tt.version)
		if !ok {
			t.Fatalf("parseKubernetesVersion(%q) failed", tt.version)
		}
		got := eksVersionStatus(v, tt.now)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("eksVersionStatus(%s, %s) = %q, want it to contain %q", tt.version, tt.now.Format(time.DateOnly), got, tt.want)
		}
	}
}

func TestParseKubernetesVersion(t *testing.T) {
	tests := []struct {
		in   string
		want kubernetesVersion
		ok   bool
	}{
		{"1.29", kubernetesVersion{1, 29}, true},
		{"v1.30", kubernetesVersion{1, 30}, true},
		{"1.31.4", kubernetesVersion{1, 31}, true},
		{"1", kubernetesVersion{}, false},
		{"1.x", kubernetesVersion{}, false},
		{"latest", kubernetesVersion{}, false},
		{"1.2.3.4", kubernetesVersion{}, false},
	}
	for _, tt := range tests {
		got, ok := parseKubernetesVersion(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseKubernetesVersion(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
