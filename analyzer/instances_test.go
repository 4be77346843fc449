package analyzer

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestInstances(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `
resource "aws_x" "b" {
  count = 2
}
resource "aws_y" "a" {}
data "aws_z" "d" {}
module "m" {
  source = "./m"
}
`,
		"m/main.tf": `resource "aws_x" "inner" {}`,
	})
	p, err := Load(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := p.Run(context.Background(), []*Check{encryptedCheck}, RunOptions{Now: time.Now()})
	var got []string
	for _, r := range res.Instances() {
		got = append(got, r.Address)
	}
	want := []string{"aws_x.b[0]", "aws_x.b[1]", "aws_y.a", "data.aws_z.d", "module.m.aws_x.inner"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("instances (-want +got):\n%s", diff)
	}
	if got := (&Result{}).Instances(); len(got) != 0 {
		t.Errorf("a result with no run has instances: %v", got)
	}
}
