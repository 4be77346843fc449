package checks

import (
	"net/url"
	"strings"
	"testing"
)

// TestAWSSideCoversEveryCheckedType makes the table grow with the catalogue:
// every resource type a check reads must say what AWS secures for it.
func TestAWSSideCoversEveryCheckedType(t *testing.T) {
	for _, c := range All() {
		for _, typ := range c.Resources {
			// "*" stands for every resource type: the fallback covers it.
			if typ != "*" && !HasAWSSide(typ) {
				t.Errorf("check %s reads %s, which has no entry in checks/data/aws_side.json", c.ID, typ)
			}
		}
	}
}

func TestAWSSideEntries(t *testing.T) {
	table, err := loadAWSSide()
	if err != nil {
		t.Fatal(err)
	}
	if table.Checked == "" {
		t.Error("the table does not say when it was checked")
	}
	for _, c := range table.Controls {
		for _, s := range c.Sources {
			u, err := url.Parse(s)
			if err != nil || u.Scheme != "https" || !strings.Contains(u.Host, "aws") {
				t.Errorf("%s: source %q is not an https AWS page", c.ID, s)
			}
		}
		if d := c.Detail(); !strings.HasSuffix(d, ".") || strings.Contains(d, "..") {
			t.Errorf("%s: detail %q is not one clean sentence", c.ID, d)
		}
		if c.Shared && c.Yours == "" {
			t.Errorf("%s: a shared control must say which half is yours", c.ID)
		}
	}
	if got := AWSSide("aws_no_such_thing"); len(got) == 0 || !got[0].Fallback {
		t.Errorf("an unknown type gets %v, want the fallback statement", got)
	}
	if got := AWSSide("aws_s3_bucket"); len(got) < 2 {
		t.Errorf("aws_s3_bucket has %d AWS controls, want its own entries", len(got))
	}
}

func TestParseAWSSide(t *testing.T) {
	tests := []struct {
		name, data, err string
	}{
		{"valid", `{"controls":[{"id":"aws-x","title":"t","aws":"a.","sources":["https://docs.aws.amazon.com/x"],"types":["aws_x"]}]}`, ""},
		{"not json", `{`, "reading"},
		{"bad id", `{"controls":[{"id":"x","title":"t","aws":"a","sources":["s"],"types":["aws_x"]}]}`, "must start"},
		{"duplicate", `{"controls":[{"id":"aws-x","title":"t","aws":"a","sources":["s"],"types":["aws_x"]},{"id":"aws-x","title":"t","aws":"a","sources":["s"],"types":["aws_y"]}]}`, "twice"},
		{"no source", `{"controls":[{"id":"aws-x","title":"t","aws":"a","types":["aws_x"]}]}`, "no source"},
		{"no type", `{"controls":[{"id":"aws-x","title":"t","aws":"a","sources":["s"]}]}`, "no resource type"},
		{"no statement", `{"controls":[{"id":"aws-x","title":"t","sources":["s"],"types":["aws_x"]}]}`, "required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseAWSSide([]byte(tt.data))
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("unexpected error %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("error %v, want one containing %q", err, tt.err)
			}
		})
	}
}
