package analyzer

import (
	"fmt"
	"strings"
)

// Severity ranks how much harm a finding can do. The zero value is invalid so
// that a check without a severity is caught by the catalogue tests.
type Severity int

// Severities, lowest first, so that comparisons read naturally:
// f.Severity >= threshold.
const (
	Low Severity = iota + 1
	Medium
	High
	Critical
)

var severityNames = map[Severity]string{Low: "low", Medium: "medium", High: "high", Critical: "critical"}

// String returns the lower-case name used in every output format.
func (s Severity) String() string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// Severities lists every severity from the most to the least severe, the
// order in which summaries print them.
func Severities() []Severity { return []Severity{Critical, High, Medium, Low} }

// ParseSeverity reads a severity name as written on the command line or in a
// configuration file.
func ParseSeverity(s string) (Severity, error) {
	for sev, name := range severityNames {
		if strings.EqualFold(strings.TrimSpace(s), name) {
			return sev, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want critical, high, medium or low)", s)
}

// Side says which party of the AWS Shared Responsibility Model owns a control.
type Side string

// The sides of the model. Customer controls are security *in* the cloud and
// wholly the user's; Shared controls are mechanisms AWS provides that the user
// must turn on or keep current; AWS controls are security *of* the cloud and
// are shown for information only, never as failures.
const (
	Customer Side = "customer"
	Shared   Side = "shared"
	AWS      Side = "aws"
)

// Category groups checks by the customer duty they belong to.
type Category string

// Categories follow the customer duties of the Shared Responsibility Model.
const (
	DataProtection Category = "data-protection"
	IAM            Category = "iam"
	Network        Category = "network"
	Logging        Category = "logging"
	Patching       Category = "patching"
	Secrets        Category = "secrets"
)

// Check is one rule of the catalogue: plain metadata plus a function over the
// evaluated configuration. A check reports through its Pass and never prints.
type Check struct {
	// ID is the stable kebab-case identifier users write in ignore comments.
	ID string
	// Title is a one-line statement of the problem.
	Title    string
	Severity Severity
	Side     Side
	Category Category
	// Resources lists the Terraform types the check reads.
	Resources []string
	// Boundary says in one sentence where AWS's part ends and the user's begins.
	Boundary string
	// Fix says what to change.
	Fix string
	// Run inspects one configuration (a root module and its children).
	Run func(*Pass)
}
