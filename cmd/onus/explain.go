package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/onus-sec/onus/analyzer"
	"github.com/onus-sec/onus/checks"
	"github.com/onus-sec/onus/internal/checkdocs"
	"github.com/onus-sec/onus/report"
)

func newExplainCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "explain ID",
		Short: "Explain one check: why it matters, whose side it is, a bad and a good example, the fix",
		Long: `Explain one check: why it matters, whose side of the AWS Shared Responsibility
Model it is and where AWS's part ends, a bad and a good Terraform example, and
the fix. The examples are the check's own test fixtures, built into onus.

Exit status: 0, or 2 when ID names no check (the closest IDs are suggested).`,
		Example: `  onus explain s3-public-acl`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := strings.TrimSpace(args[0])
			c := checks.ByID(id)
			if c == nil {
				return usageErrorf("%s", unknownCheckMessage(id, checks.All()))
			}
			e, _ := checkdocs.Lookup(c.ID)
			doc := report.CheckDoc{Why: e.Why, Bad: e.Bad, BadFrom: e.BadFrom, Good: e.Good, GoodFrom: e.GoodFrom}
			if err := report.WriteExplain(cmd.OutOrStdout(), c, doc); err != nil {
				return &exitCodeError{code: exitError, err: err}
			}
			return nil
		},
	}
}

// unknownCheckMessage says that id names no check and suggests the closest
// IDs: those within a few edits of it, and those that contain it or that it
// contains (explain s3-acl finds s3-public-acl).
func unknownCheckMessage(id string, all []*analyzer.Check) string {
	suggestions := closestCheckIDs(id, all, 3)
	msg := fmt.Sprintf("unknown check %q", id)
	if len(suggestions) == 0 {
		return msg + "; run 'onus checks' for the list"
	}
	return msg + "; did you mean " + joinOr(suggestions) + "?"
}

// closestCheckIDs returns up to n check IDs close to id, closest first.
func closestCheckIDs(id string, all []*analyzer.Check, n int) []string {
	type scored struct {
		id    string
		score int
	}
	want := strings.ToLower(id)
	var cands []scored
	for _, c := range all {
		d := editDistanceIDs(want, c.ID)
		limit := len(c.ID) / 3
		if limit < 2 {
			limit = 2
		}
		switch {
		case d <= limit:
			cands = append(cands, scored{c.ID, d})
		case len(want) >= 3 && (strings.Contains(c.ID, want) || strings.Contains(want, c.ID)):
			cands = append(cands, scored{c.ID, limit + 1})
		case sharesWords(want, c.ID):
			cands = append(cands, scored{c.ID, limit + 2 + d})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score < cands[j].score
		}
		return cands[i].id < cands[j].id
	})
	var out []string
	for i := 0; i < len(cands) && i < n; i++ {
		out = append(out, cands[i].id)
	}
	return out
}

// sharesWords reports whether every dash-separated word of a, of three
// letters or more, is a word of b: "acl-public" suggests s3-public-acl.
func sharesWords(a, b string) bool {
	split := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	}
	have := map[string]bool{}
	for _, w := range split(b) {
		have[w] = true
	}
	n := 0
	for _, w := range split(a) {
		if len(w) < 3 {
			continue
		}
		if !have[w] {
			return false
		}
		n++
	}
	return n > 0
}

// editDistanceIDs is the Levenshtein distance between two IDs.
func editDistanceIDs(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// joinOr joins names as "a", "a or b", "a, b or c".
func joinOr(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
