package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/onus-sec/onus/analyzer"
)

// CatalogueFormats lists the formats `onus checks` accepts, the default
// first.
func CatalogueFormats() []string { return []string{"text", "json", "markdown"} }

// WriteCatalogueFormat writes the checks in the named catalogue format.
func WriteCatalogueFormat(w io.Writer, format string, checks []*analyzer.Check) error {
	switch format {
	case "text":
		return WriteCatalogue(w, checks)
	case "json":
		return WriteCatalogueJSON(w, checks)
	case "markdown":
		return WriteCatalogueMarkdown(w, checks)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(CatalogueFormats(), ", "))
}

// WriteCatalogue prints the checks as a table: ID, severity, side, category
// and title, one check a line in the order given.
func WriteCatalogue(w io.Writer, checks []*analyzer.Check) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tSIDE\tCATEGORY\tTITLE")
	for _, c := range checks {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", c.ID, c.Severity, c.Side, c.Category, c.Title)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("writing check catalogue: %w", err)
	}
	return nil
}

// jsonCheck is one check of the JSON catalogue. The keys are a contract:
// scripts read them, and the tests pin them.
type jsonCheck struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Severity  string   `json:"severity"`
	Side      string   `json:"side"`
	Category  string   `json:"category"`
	Resources []string `json:"resources"`
	Boundary  string   `json:"boundary"`
	Fix       string   `json:"fix"`
}

// WriteCatalogueJSON writes the checks as a JSON array of objects with the
// keys id, title, severity, side, category, resources, boundary and fix.
func WriteCatalogueJSON(w io.Writer, checks []*analyzer.Check) error {
	out := make([]jsonCheck, 0, len(checks))
	for _, c := range checks {
		res := append([]string{}, c.Resources...)
		out = append(out, jsonCheck{
			ID: c.ID, Title: c.Title, Severity: c.Severity.String(), Side: string(c.Side),
			Category: string(c.Category), Resources: res, Boundary: c.Boundary, Fix: c.Fix,
		})
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding check catalogue: %w", err)
	}
	data = append(data, '\n')
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("writing check catalogue: %w", err)
	}
	return nil
}

// WriteCatalogueMarkdown writes the checks as one markdown table with every
// field of their metadata.
func WriteCatalogueMarkdown(w io.Writer, checks []*analyzer.Check) error {
	var b bytes.Buffer
	b.WriteString("| ID | Title | Severity | Side | Category | Resources | Where AWS's part ends | Fix |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|\n")
	for _, c := range checks {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s | %s |\n",
			c.ID, catalogueCell(c.Title), c.Severity, c.Side, c.Category,
			catalogueCodeList(c.Resources), catalogueCell(c.Boundary), catalogueCell(c.Fix))
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing check catalogue: %w", err)
	}
	return nil
}

// catalogueCell makes text safe inside a markdown table cell: one line, and
// pipes escaped.
func catalogueCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, "|", `\|`)
}

// catalogueCodeList renders names as inline code, comma-separated.
func catalogueCodeList(names []string) string {
	parts := make([]string, 0, len(names))
	for _, n := range names {
		parts = append(parts, "`"+strings.ReplaceAll(n, "|", `\|`)+"`")
	}
	return strings.Join(parts, ", ")
}
