package report

import (
	"bytes"
	"fmt"
	"go/doc/comment"
	"io"
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// CheckDoc is what `onus explain` and the generated documentation say about
// a check beyond its metadata: why it matters, and a bad and a good
// configuration taken from the check's test fixtures.
type CheckDoc struct {
	// Why explains the problem and the AWS facts behind the check, in Go
	// doc comment syntax (paragraphs, lists), as written above the check's
	// variable.
	Why string
	// Bad and Good are Terraform configurations; BadFrom and GoodFrom name
	// the fixture each was taken from.
	Bad, BadFrom   string
	Good, GoodFrom string
}

// SideMeaning says in one sentence what a side of the Shared Responsibility
// Model means for the reader.
func SideMeaning(s analyzer.Side) string {
	switch s {
	case analyzer.Customer:
		return "customer — security in the cloud: AWS does not do this for you."
	case analyzer.Shared:
		return "shared — AWS provides the mechanism; turning it on and keeping it current is yours."
	case analyzer.AWS:
		return "AWS — security of the cloud: shown for information, nothing for you to do."
	}
	return string(s)
}

// WriteExplain prints one check for a person at a terminal: what it finds
// and why it matters, whose side it is and where AWS's part ends, a bad and
// a good example, and the fix.
func WriteExplain(w io.Writer, c *analyzer.Check, doc CheckDoc) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s: %s\n", c.ID, c.Title)
	fmt.Fprintf(&b, "severity %s, category %s\n", c.Severity, c.Category)
	if len(c.Resources) > 0 {
		fmt.Fprintf(&b, "resources: %s\n", strings.Join(c.Resources, ", "))
	}
	if strings.TrimSpace(doc.Why) != "" {
		b.WriteString("\nWhy it matters\n")
		b.WriteString(indentLines(whyText(doc.Why), "  "))
	}
	b.WriteString("\nWhose side\n")
	b.WriteString(indentLines(whyText(SideMeaning(c.Side)), "  "))
	b.WriteString("\nWhere AWS's part ends\n")
	b.WriteString(indentLines(whyText(c.Boundary), "  "))
	if doc.Bad != "" {
		fmt.Fprintf(&b, "\nBad (%s)\n", doc.BadFrom)
		b.WriteString(indentLines(doc.Bad, "    "))
	}
	if doc.Good != "" {
		fmt.Fprintf(&b, "\nGood (%s)\n", doc.GoodFrom)
		b.WriteString(indentLines(doc.Good, "    "))
	}
	b.WriteString("\nFix\n")
	b.WriteString(indentLines(whyText(c.Fix), "  "))
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing explanation: %w", err)
	}
	return nil
}

// WriteCheckMarkdown writes one check as a section of the generated
// catalogue docs/checks.md. The heading is the check ID, so CheckURL's
// anchor lands on it.
func WriteCheckMarkdown(w io.Writer, c *analyzer.Check, doc CheckDoc) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "## %s\n\n", c.ID)
	fmt.Fprintf(&b, "**%s**\n\n", catalogueCell(c.Title))
	b.WriteString("| severity | side | category | resources |\n|---|---|---|---|\n")
	fmt.Fprintf(&b, "| %s | %s | %s | %s |\n\n", c.Severity, c.Side, c.Category, catalogueCodeList(c.Resources))
	if strings.TrimSpace(doc.Why) != "" {
		b.WriteString(whyMarkdown(doc.Why))
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "**Whose side:** %s\n\n", SideMeaning(c.Side))
	fmt.Fprintf(&b, "**Where AWS's part ends:** %s\n\n", strings.TrimSpace(c.Boundary))
	if doc.Bad != "" {
		fmt.Fprintf(&b, "Bad (`%s`):\n\n```hcl\n%s```\n\n", doc.BadFrom, withNewline(doc.Bad))
	}
	if doc.Good != "" {
		fmt.Fprintf(&b, "Good (`%s`):\n\n```hcl\n%s```\n\n", doc.GoodFrom, withNewline(doc.Good))
	}
	fmt.Fprintf(&b, "**Fix:** %s\n", strings.TrimSpace(c.Fix))
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing check documentation: %w", err)
	}
	return nil
}

// whyText renders a doc comment, or a plain sentence, as text wrapped for a
// terminal.
func whyText(doc string) string {
	var p comment.Parser
	pr := &comment.Printer{TextWidth: 76}
	return string(pr.Text(p.Parse(doc)))
}

// whyMarkdown renders a doc comment as markdown.
func whyMarkdown(doc string) string {
	var p comment.Parser
	pr := &comment.Printer{}
	return string(pr.Markdown(p.Parse(doc)))
}

// indentLines prefixes every non-empty line of s with indent and ends it
// with a newline.
func indentLines(s, indent string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if strings.TrimSpace(line) != "" {
			b.WriteString(indent)
			b.WriteString(line)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func withNewline(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}
