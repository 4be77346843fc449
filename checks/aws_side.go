package checks

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// The other half of the Shared Responsibility Model: what AWS secures for
// each resource type, whatever the configuration says. It is data, not
// checks: `onus responsibility` shows each entry beside the customer's
// controls with status info, so that a reader sees what they need not do.
// Every statement cites the AWS page it was checked against.

//go:embed data/aws_side.json
var awsSideJSON []byte

// AWSControl is one thing AWS secures for a resource type.
type AWSControl struct {
	// ID is stable and kebab-case, prefixed "aws-".
	ID string `json:"id"`
	// Title names the control in a few words.
	Title string `json:"title"`
	// AWS says, concretely, what AWS does.
	AWS string `json:"aws"`
	// Yours, when set, says where AWS's part ends: what is left to the
	// customer in the same area.
	Yours string `json:"yours"`
	// Shared marks an area whose two halves are both needed, such as
	// patching: AWS ships the patch, the customer lets it be applied.
	Shared bool `json:"shared"`
	// Sources are the AWS pages the statement was checked against.
	Sources []string `json:"sources"`
	// Types are the Terraform resource (or data source) types the control
	// applies to.
	Types []string `json:"types"`
	// Fallback marks the general statement used for a type with no entry
	// of its own.
	Fallback bool `json:"fallback"`
}

// Detail is the control's statement as one line: AWS's part, then, when the
// data says so, the customer's.
func (c AWSControl) Detail() string {
	var b strings.Builder
	if c.Shared {
		b.WriteString("Shared. AWS: ")
	}
	b.WriteString(c.AWS)
	if c.Yours != "" {
		b.WriteString(" Yours: ")
		b.WriteString(c.Yours)
		if !strings.HasSuffix(c.Yours, ".") {
			b.WriteString(".")
		}
	}
	return b.String()
}

// awsSide is the parsed table.
type awsSide struct {
	Checked  string       `json:"checked"`
	Controls []AWSControl `json:"controls"`

	byType   map[string][]AWSControl
	fallback []AWSControl
}

var (
	awsSideOnce sync.Once
	awsSideData *awsSide
	awsSideErr  error
)

// loadAWSSide parses the embedded table once.
func loadAWSSide() (*awsSide, error) {
	awsSideOnce.Do(func() {
		awsSideData, awsSideErr = parseAWSSide(awsSideJSON)
	})
	return awsSideData, awsSideErr
}

// parseAWSSide reads and validates the table: unique IDs, a statement, a
// source and at least one type for each entry.
func parseAWSSide(data []byte) (*awsSide, error) {
	var t awsSide
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("reading data/aws_side.json: %w", err)
	}
	t.byType = map[string][]AWSControl{}
	seen := map[string]bool{}
	for _, c := range t.Controls {
		switch {
		case !strings.HasPrefix(c.ID, "aws-"):
			return nil, fmt.Errorf("data/aws_side.json: control %q: id must start with \"aws-\"", c.ID)
		case seen[c.ID]:
			return nil, fmt.Errorf("data/aws_side.json: control %q listed twice", c.ID)
		case c.Title == "" || c.AWS == "":
			return nil, fmt.Errorf("data/aws_side.json: control %q: title and aws are required", c.ID)
		case len(c.Sources) == 0:
			return nil, fmt.Errorf("data/aws_side.json: control %q: no source", c.ID)
		case len(c.Types) == 0 && !c.Fallback:
			return nil, fmt.Errorf("data/aws_side.json: control %q: no resource type", c.ID)
		}
		seen[c.ID] = true
		if c.Fallback {
			t.fallback = append(t.fallback, c)
		}
		for _, typ := range c.Types {
			t.byType[typ] = append(t.byType[typ], c)
		}
	}
	for typ := range t.byType {
		sortAWSControls(t.byType[typ])
	}
	sortAWSControls(t.fallback)
	return &t, nil
}

func sortAWSControls(cs []AWSControl) {
	sort.Slice(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID })
}

// AWSSide returns what AWS secures for a resource type, sorted by ID: the
// type's own entries, or the general statement about AWS's infrastructure
// when the table has none for it. A data source is looked up by its type
// without the "data." prefix.
func AWSSide(resourceType string) []AWSControl {
	t, err := loadAWSSide()
	if err != nil {
		panic(err) // the file is embedded: a broken one is a build defect, caught by the tests
	}
	if cs := t.byType[resourceType]; len(cs) > 0 {
		return append([]AWSControl(nil), cs...)
	}
	return append([]AWSControl(nil), t.fallback...)
}

// HasAWSSide reports whether the table has an entry of its own for the
// resource type (not only the general fallback).
func HasAWSSide(resourceType string) bool {
	t, err := loadAWSSide()
	if err != nil {
		panic(err)
	}
	return len(t.byType[resourceType]) > 0
}
