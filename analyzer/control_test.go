package analyzer

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// encryptedCheck flags aws_x instances whose encrypted argument is not true.
var encryptedCheck = &Check{
	ID: "test-encrypted", Title: "t", Severity: High, Side: Customer, Category: DataProtection,
	Resources: []string{"aws_x"}, Boundary: "b", Fix: "f",
	Run: func(p *Pass) {
		p.EachResource("aws_x", func(r *Resource) {
			if v, known := r.BoolOr("encrypted", false); known && !v {
				p.ReportAt(r, "encrypted", "not encrypted")
			}
		})
	},
}

func TestControlStatus(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `
variable "enc" { type = bool }
resource "aws_x" "good" { encrypted = true }
resource "aws_x" "bad" { encrypted = false }
resource "aws_x" "missing" {}
resource "aws_x" "unknown" { encrypted = var.enc }
resource "aws_x" "ignored" {
  # onus:ignore:test-encrypted reason=test data
  encrypted = false
}
resource "aws_x" "two" {
  count     = 2
  encrypted = false
}
resource "aws_y" "other" {}
`,
	})
	p, err := Load(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := p.Run(context.Background(), []*Check{encryptedCheck}, RunOptions{Now: time.Now()})
	got := map[string]Status{}
	fails := 0
	for _, c := range res.Controls() {
		got[c.Resource.Address] = c.Status
		if c.Status == StatusFail {
			fails++
		}
	}
	want := map[string]Status{
		"aws_x.good": StatusPass, "aws_x.bad": StatusFail, "aws_x.missing": StatusFail,
		"aws_x.unknown": StatusUnknown, "aws_x.ignored": StatusSuppressed,
		"aws_x.two[0]": StatusFail, "aws_x.two[1]": StatusFail,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("controls (-want +got):\n%s", diff)
	}
	if live := len(res.Live()); live != fails {
		t.Errorf("failed controls (%d) must equal live findings (%d)", fails, live)
	}
}
