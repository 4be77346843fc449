package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/onus-sec/onus/checks"
	"github.com/onus-sec/onus/report"
)

func newChecksCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "checks",
		Short: "List the checks: ID, severity, side, category and title",
		Long: `List the checks. The text format is a table of ID, severity, side, category
and title; json and markdown carry every field of the catalogue: id, title,
severity, side, category, resources, boundary (where AWS's part ends) and fix.
'onus explain ID' shows one check in full.`,
		Example: `  onus checks
  onus checks --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !isCatalogueFormat(format) {
				return usageErrorf("--format: unknown format %q (want %s)", format, strings.Join(report.CatalogueFormats(), ", "))
			}
			if err := report.WriteCatalogueFormat(cmd.OutOrStdout(), format, checks.All()); err != nil {
				return &exitCodeError{code: exitError, err: err}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output `FORMAT`: "+strings.Join(report.CatalogueFormats(), ", "))
	return cmd
}

func isCatalogueFormat(s string) bool {
	for _, f := range report.CatalogueFormats() {
		if f == s {
			return true
		}
	}
	return false
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "onus %s\n", version)
			return err
		},
	}
}
