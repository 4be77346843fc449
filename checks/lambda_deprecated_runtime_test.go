package checks

import (
	"strings"
	"testing"
)

func TestLambdaRuntimesData(t *testing.T) {
	m, err := loadLambdaRuntimes(lambdaRuntimesJSON)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"python3.8", "nodejs16.x", "go1.x", "java8", "provided", "python3.12", "nodejs22.x"} {
		if _, ok := m[id]; !ok {
			t.Errorf("runtime %s missing from data/lambda_runtimes.json", id)
		}
	}
	for id, rt := range m {
		if id == "nodejs4.3-edge" {
			// AWS's table gives this Lambda@Edge runtime an update block
			// (2019-04-30) before its deprecation date (2020-03-05); the data
			// keeps what AWS published.
			continue
		}
		if rt.blockUpdate != "" && mustDate(rt.blockUpdate).Before(rt.deprecation) {
			t.Errorf("%s: updates blocked (%s) before deprecation (%s)", id, rt.blockUpdate, rt.deprecationS)
		}
	}
	for _, bad := range []string{`[]`, `{"runtimes": {}}`, `{"runtimes": {"x": {"deprecation": "never"}}}`, `{"runtimes": {"x": {"deprecation": "2025-01-01", "block_update": "later"}}}`} {
		if _, err := loadLambdaRuntimes([]byte(bad)); err == nil {
			t.Errorf("loadLambdaRuntimes(%s) succeeded", bad)
		}
	}
}

func TestLambdaRuntimeStatus(t *testing.T) {
	tests := []struct {
		runtime string
		now     string
		want    string // a fragment of the message, "" for none
	}{
		{"python3.8", "2024-10-13", ""},
		{"python3.8", "2024-10-14", "deprecated on 2024-10-14"},
		{"python3.8", "2026-06-01", "on 2027-03-03"},
		{"nodejs12.x", "2026-06-01", "since 2023-04-30 Lambda refuses"},
		{"dotnet5.0", "2026-06-01", "deprecated on 2022-05-10"},
		{"python3.12", "2026-06-01", ""},
		{"cobol85", "2026-06-01", ""},
	}
	for _, tt := range tests {
		got := lambdaRuntimeStatus(tt.runtime, mustDate(tt.now))
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("lambdaRuntimeStatus(%s, %s) = %q, want it to contain %q", tt.runtime, tt.now, got, tt.want)
		}
	}
}
