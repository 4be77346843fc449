package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/onus-sec/onus/checks"
	"github.com/onus-sec/onus/report"
)

func newChecksCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "checks",
		Short: "List the checks: ID, severity, side, category and title",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := report.WriteCatalogue(cmd.OutOrStdout(), checks.All()); err != nil {
				return &exitCodeError{code: exitError, err: err}
			}
			return nil
		},
	}
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
