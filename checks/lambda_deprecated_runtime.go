package checks

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/onus-sec/onus/analyzer"
)

// LambdaDeprecatedRuntime flags .zip Lambda functions whose runtime is past
// AWS's deprecation date on the scan date.
//
// Facts (verified 2026-12-02, AWS Lambda Developer Guide, "Lambda runtimes"
// and "Runtime deprecation"): when a runtime is deprecated Lambda stops
// applying security patches to it and functions using it lose technical
// support; creating and then updating such functions is blocked on later
// published dates; invocations are never blocked. Functions packaged as
// container images (package_type = "Image") carry their runtime in the image
// and have no runtime argument. The dates are kept in
// data/lambda_runtimes.json with their source.
var LambdaDeprecatedRuntime = &analyzer.Check{
	ID:        "lambda-deprecated-runtime",
	Title:     "Lambda function uses a deprecated runtime",
	Severity:  analyzer.High,
	Side:      analyzer.Shared,
	Category:  analyzer.Patching,
	Resources: []string{"aws_lambda_function"},
	Boundary:  "AWS patches the language runtime and operating system of supported Lambda runtimes; moving your functions to a supported runtime before deprecation is yours.",
	Fix:       "Change runtime to a supported version of the language (and test the function against it).",
	Run:       runLambdaDeprecatedRuntime,
}

func init() { register(LambdaDeprecatedRuntime) }

//go:embed data/lambda_runtimes.json
var lambdaRuntimesJSON []byte

// lambdaRuntime holds the published dates of one runtime that a finding
// uses; blockUpdate is "" when AWS published none.
type lambdaRuntime struct {
	deprecation  time.Time
	deprecationS string
	blockUpdate  string
}

// lambdaRuntimes maps a runtime identifier to its dates.
var lambdaRuntimes = mustLoadLambdaRuntimes(lambdaRuntimesJSON)

func mustLoadLambdaRuntimes(data []byte) map[string]lambdaRuntime {
	m, err := loadLambdaRuntimes(data)
	if err != nil {
		panic(err) // the file is embedded: a broken one is a build defect, caught by the tests
	}
	return m
}

func loadLambdaRuntimes(data []byte) (map[string]lambdaRuntime, error) {
	var doc struct {
		Runtimes map[string]struct {
			Deprecation string `json:"deprecation"`
			BlockCreate string `json:"block_create"`
			BlockUpdate string `json:"block_update"`
		} `json:"runtimes"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("data/lambda_runtimes.json: %w", err)
	}
	if len(doc.Runtimes) == 0 {
		return nil, fmt.Errorf("data/lambda_runtimes.json: no runtimes")
	}
	out := make(map[string]lambdaRuntime, len(doc.Runtimes))
	for id, rt := range doc.Runtimes {
		d, err := time.Parse(time.DateOnly, rt.Deprecation)
		if err != nil {
			return nil, fmt.Errorf("data/lambda_runtimes.json: %s: %w", id, err)
		}
		for _, s := range []string{rt.BlockCreate, rt.BlockUpdate} {
			if _, err := time.Parse(time.DateOnly, s); s != "" && err != nil {
				return nil, fmt.Errorf("data/lambda_runtimes.json: %s: %w", id, err)
			}
		}
		out[id] = lambdaRuntime{d, rt.Deprecation, rt.BlockUpdate}
	}
	return out, nil
}

func runLambdaDeprecatedRuntime(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_lambda_function") {
		if pt, known := r.StringOr("package_type", "Zip"); !known || !strings.EqualFold(pt, "Zip") {
			continue // an image function has no managed runtime
		}
		a := r.Attr("runtime")
		id, known := a.String()
		if !known {
			continue
		}
		if msg := lambdaRuntimeStatus(id, p.Now); msg != "" {
			p.ReportAttr(r, a, "%s", msg)
		}
	}
}

// lambdaRuntimeStatus returns the finding message for a function on runtime
// id at the scan date now, or "" when the runtime is supported or unknown to
// the table.
func lambdaRuntimeStatus(id string, now time.Time) string {
	rt, ok := lambdaRuntimes[id]
	if !ok || now.Before(rt.deprecation) {
		return ""
	}
	msg := fmt.Sprintf("runtime %s was deprecated on %s: AWS no longer applies security patches to it; moving the function to a supported runtime is yours", id, rt.deprecationS)
	switch {
	case rt.blockUpdate != "" && !now.Before(mustDate(rt.blockUpdate)):
		msg += fmt.Sprintf(", and since %s Lambda refuses updates to functions on it", rt.blockUpdate)
	case rt.blockUpdate != "":
		msg += fmt.Sprintf(", before Lambda stops accepting updates to functions on it on %s", rt.blockUpdate)
	}
	return msg
}

// mustDate parses a date already validated by loadLambdaRuntimes.
func mustDate(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}
