package report

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/onus-sec/onus/analyzer"
)

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
