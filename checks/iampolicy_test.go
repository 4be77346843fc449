package checks

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/onus-sec/onus/analyzer"
)

const testProvider = `terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}
`

// writeTree writes files (path → content) under a new temporary directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// evalPass evaluates a one-root configuration and returns a pass over it.
func evalPass(t *testing.T, files map[string]string) *analyzer.Pass {
	t.Helper()
	ctx := context.Background()
	proj, err := analyzer.Load(ctx, []string{writeTree(t, files)}, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfgs, diags := proj.Evaluate(ctx)
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			t.Fatalf("diagnostic: %s", d.Error())
		}
	}
	if len(cfgs) != 1 {
		t.Fatalf("want one configuration, got %d", len(cfgs))
	}
	return &analyzer.Pass{Check: &analyzer.Check{ID: "test"}, Config: cfgs[0]}
}

// stmtSummary is what the reader tests compare: the meaning of a statement
// and where its elements point.
type stmtSummary struct {
	Owner, Path         string
	Sid, Effect         string
	Actions, NotActions []string
	Resources           []string
	ResourcesKnown      bool
	Principals          []string
	PrincipalsKnown     bool
	Conditions          []string
	ActionLine          int
	ResourceLine        int
	PrincipalLine       int
}

func summarize(doc *policyDocument) (bool, []stmtSummary) {
	if doc == nil {
		return false, nil
	}
	var out []stmtSummary
	for _, s := range doc.Statements {
		sum := stmtSummary{
			Owner: s.Owner.Address, Path: s.Path, Sid: s.Sid, Effect: s.Effect,
			Actions: s.Action.texts(), NotActions: s.NotAction.texts(),
			Resources: s.Resource.texts(), ResourcesKnown: s.Resource.Known,
			PrincipalsKnown: s.Principal.Known,
		}
		if !s.EffectKnown {
			sum.Effect = "?"
		}
		for _, e := range s.Principal.Entries {
			for _, id := range e.Identifiers.Items {
				sum.Principals = append(sum.Principals, e.Type+"="+id.Text)
				if sum.PrincipalLine == 0 {
					sum.PrincipalLine = id.where().Start.Line
				}
			}
		}
		for _, c := range s.Conditions {
			cond := c.Operator + " " + c.Key + "=" + strings.Join(c.Values.texts(), ",")
			if !c.Values.Known {
				cond += ",?"
			}
			sum.Conditions = append(sum.Conditions, cond)
		}
		if len(s.Action.Items) > 0 {
			sum.ActionLine = s.Action.Items[0].where().Start.Line
		}
		if len(s.Resource.Items) > 0 {
			sum.ResourceLine = s.Resource.Items[0].where().Start.Line
		}
		out = append(out, sum)
	}
	return doc.Complete, out
}

func TestReadPolicy(t *testing.T) {
	tests := []struct {
		name         string
		files        map[string]string
		resource     string
		attr         string
		wantComplete bool
		want         []stmtSummary
	}{
		{
			name: "jsonencode known, statement list",
			files: map[string]string{"main.tf": testProvider + `
resource "aws_iam_policy" "p" {
  name = "p"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "A"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject"]
        Resource = "*"
      },
      {
        Effect    = "Deny"
        NotAction = "iam:*"
        Resource  = ["arn:aws:s3:::b"]
      },
    ]
  })
}
`},
			resource: "aws_iam_policy.p", attr: "policy", wantComplete: true,
			want: []stmtSummary{
				{Owner: "aws_iam_policy.p", Path: "policy.Statement[0]", Sid: "A", Effect: "Allow", Actions: []string{"s3:GetObject", "s3:PutObject"}, Resources: []string{"*"}, ResourcesKnown: true, PrincipalsKnown: true, ActionLine: 18, ResourceLine: 19},
				{Owner: "aws_iam_policy.p", Path: "policy.Statement[1]", Effect: "Deny", NotActions: []string{"iam:*"}, Resources: []string{"arn:aws:s3:::b"}, ResourcesKnown: true, PrincipalsKnown: true, ResourceLine: 24},
			},
		},
		{
			name: "jsonencode partly unknown, statement object, principal and condition",
			files: map[string]string{"main.tf": testProvider + `
resource "aws_sqs_queue" "q" {
  name = "q"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = {
      Effect    = "Allow"
      Principal = { AWS = ["*", "arn:aws:iam::111122223333:root"] }
      Action    = "sqs:SendMessage"
      Resource  = [aws_sqs_queue.other.arn, "*"]
      Condition = {
        StringEquals = { "aws:SourceAccount" = 111122223333 }
      }
    }
  })
}

resource "aws_sqs_queue" "other" {
  name = "other"
}
`},
			resource: "aws_sqs_queue.q", attr: "policy", wantComplete: true,
			want: []stmtSummary{{
				Owner: "aws_sqs_queue.q", Path: "policy.Statement", Effect: "Allow",
				Actions: []string{"sqs:SendMessage"}, Resources: []string{"*"}, ResourcesKnown: false,
				Principals: []string{"AWS=*", "AWS=arn:aws:iam::111122223333:root"}, PrincipalsKnown: true,
				Conditions: []string{"StringEquals aws:SourceAccount=111122223333"},
				ActionLine: 17, ResourceLine: 18, PrincipalLine: 16,
			}},
		},
		{
			name: "flush heredoc with unknown interpolation",
			files: map[string]string{"main.tf": testProvider + `
resource "aws_iam_role_policy" "r" {
  name = "r"
  role = "r"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["s3:GetObject",
                     "s3:ListBucket"],
          "Resource": "${aws_s3_bucket.b.arn}/*"
        },
        {
          "Effect": "Allow",
          "Action": "ec2:Describe*",
          "Resource": "*"
        }
      ]
    }
  EOT
}

resource "aws_s3_bucket" "b" {
  bucket = "b"
}
`},
			resource: "aws_iam_role_policy.r", attr: "policy", wantComplete: true,
			want: []stmtSummary{
				{Owner: "aws_iam_role_policy.r", Path: "policy.Statement[0]", Effect: "Allow", Actions: []string{"s3:GetObject", "s3:ListBucket"}, ResourcesKnown: false, PrincipalsKnown: true, ActionLine: 19},
				{Owner: "aws_iam_role_policy.r", Path: "policy.Statement[1]", Effect: "Allow", Actions: []string{"ec2:Describe*"}, Resources: []string{"*"}, ResourcesKnown: true, PrincipalsKnown: true, ActionLine: 25, ResourceLine: 26},
			},
		},
		{
			name: "known heredoc, unknown statement list",
			files: map[string]string{"main.tf": testProvider + `
variable "statements" {
  type = string
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = <<EOF
{"Version": "2012-10-17", "Statement": ${var.statements}}
EOF
}
`},
			resource: "aws_iam_policy.p", attr: "policy", wantComplete: false,
		},
		{
			name: "quoted JSON string and file()",
			files: map[string]string{
				"main.tf": testProvider + `
resource "aws_iam_user_policy" "q" {
  name   = "q"
  user   = "u"
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"
}
`,
			},
			resource: "aws_iam_user_policy.q", attr: "policy", wantComplete: true,
			want: []stmtSummary{{Owner: "aws_iam_user_policy.q", Path: "policy.Statement[0]", Effect: "Allow", Actions: []string{"*"}, Resources: []string{"*"}, ResourcesKnown: true, PrincipalsKnown: true, ActionLine: 13, ResourceLine: 13}},
		},
		{
			name: "file() points at the argument",
			files: map[string]string{
				"main.tf": testProvider + `
resource "aws_iam_policy" "f" {
  name   = "f"
  policy = file("${path.module}/p.json")
}
`,
				"p.json": `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}`,
			},
			resource: "aws_iam_policy.f", attr: "policy", wantComplete: true,
			want: []stmtSummary{{Owner: "aws_iam_policy.f", Path: "policy.Statement[0]", Effect: "Allow", Actions: []string{"s3:*"}, Resources: []string{"*"}, ResourcesKnown: true, PrincipalsKnown: true, ActionLine: 12, ResourceLine: 12}},
		},
		{
			name: "invalid JSON reads as incomplete",
			files: map[string]string{"main.tf": testProvider + `
resource "aws_iam_policy" "bad" {
  name   = "bad"
  policy = "{\"Statement\": ["
}
`},
			resource: "aws_iam_policy.bad", attr: "policy", wantComplete: false,
		},
		{
			name: "consumer resolves the data source, merged in provider order",
			files: map[string]string{"main.tf": testProvider + `
data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Shared"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = "Replaced"
    actions   = ["s3:*"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "override" {
  statement {
    sid       = "Own"
    effect    = "Deny"
    actions   = ["iam:*"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "doc" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [data.aws_iam_policy_document.override.json]

  statement {
    sid = "Replaced"
    actions = [
      "s3:ListBucket",
    ]
    resources = ["arn:aws:s3:::b"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc"]
    }
  }
  statement {
    sid       = "Own"
    actions   = ["iam:GetUser"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = data.aws_iam_policy_document.doc.json
}
`},
			resource: "aws_iam_policy.p", attr: "policy", wantComplete: true,
			want: []stmtSummary{
				{Owner: "data.aws_iam_policy_document.base", Path: "statement[0]", Sid: "Shared", Effect: "Allow", Actions: []string{"s3:GetObject"}, Resources: []string{"*"}, ResourcesKnown: true, PrincipalsKnown: true, ActionLine: 13, ResourceLine: 14},
				{Owner: "data.aws_iam_policy_document.doc", Path: "statement[0]", Sid: "Replaced", Effect: "Allow", Actions: []string{"s3:ListBucket"}, Resources: []string{"arn:aws:s3:::b"}, ResourcesKnown: true, Principals: []string{"AWS=*"}, PrincipalsKnown: true, Conditions: []string{"StringEquals aws:PrincipalOrgID=o-abc"}, ActionLine: 39, ResourceLine: 41, PrincipalLine: 44},
				{Owner: "data.aws_iam_policy_document.override", Path: "statement[0]", Sid: "Own", Effect: "Deny", Actions: []string{"iam:*"}, Resources: []string{"*"}, ResourcesKnown: true, PrincipalsKnown: true, ActionLine: 27, ResourceLine: 28},
			},
		},
		{
			name: "dynamic statement over an unknown collection",
			files: map[string]string{"main.tf": testProvider + `
variable "grants" {
  type = list(string)
}

data "aws_iam_policy_document" "doc" {
  dynamic "statement" {
    for_each = var.grants
    content {
      actions   = [statement.value]
      resources = ["*"]
    }
  }
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = data.aws_iam_policy_document.doc.json
}
`},
			resource: "aws_iam_policy.p", attr: "policy", wantComplete: false,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := evalPass(t, tc.files)
			r := p.Lookup(tc.resource)
			if r == nil {
				t.Fatalf("no %s", tc.resource)
			}
			complete, got := summarize(readPolicy(p, r, r.Attr(tc.attr)))
			if complete != tc.wantComplete {
				t.Errorf("Complete = %v, want %v", complete, tc.wantComplete)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("statements (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadPolicyNilAttribute(t *testing.T) {
	if doc := readPolicy(nil, nil, nil); doc != nil {
		t.Errorf("readPolicy(nil attribute) = %+v, want nil", doc)
	}
}

// TestHeredocFindings runs checks over heredoc policies and compares the
// lines of the findings, which point inside the heredoc. (The fixture
// harness reads `want` comments, which a heredoc cannot hold, so these cases
// live here.)
func TestHeredocFindings(t *testing.T) {
	tests := []struct {
		name  string
		check *analyzer.Check
		src   string
		want  []int
	}{
		{
			name:  "admin policy in flush and plain heredocs",
			check: IAMAdminPolicy,
			src: testProvider + `
resource "aws_iam_user" "deploy" {
  name = "deploy"
}

resource "aws_iam_role_policy" "deployer" {
  name = "deployer"
  role = "deployer"

  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "All",
          "Effect": "Allow",
          "Action": "*",
          "Resource": "*"
        }
      ]
    }
  EOT
}

resource "aws_iam_policy" "ci" {
  name = "ci"

  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["iam:GetUser"],
      "Resource": "${aws_iam_user.deploy.arn}"
    },
    {
      "Effect": "Allow",
      "Action": ["*"],
      "Resource": ["*"]
    }
  ]
}
EOF
}
`,
			want: []int{25, 47},
		},
		{
			name:  "wildcard principal in a heredoc trust policy",
			check: IAMWildcardPrincipal,
			src: testProvider + `
resource "aws_iam_role" "open" {
  name               = "open"
  assume_role_policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "*"},
      "Action": "sts:AssumeRole"
    },
    {
      "Effect": "Allow",
      "Principal": {"AWS": "*"},
      "Action": "sts:AssumeRole",
      "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}
    }
  ]
}
EOF
}
`,
			want: []int{18},
		},
		{
			name:  "wildcard action and resource lines",
			check: IAMWildcardResource,
			src: testProvider + `
resource "aws_iam_policy" "p" {
  name   = "p"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
    {"Effect": "Allow", "Action": "s3:PutObject",
     "Resource": "*"}
  ]
}
EOF
}
`,
			want: []int{18},
		},
		{
			name:  "service wildcard in a heredoc, admin tier left to iam-admin-policy",
			check: IAMWildcardAction,
			src: testProvider + `
resource "aws_iam_user_policy" "u" {
  name   = "u"
  user   = "u"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "*", "Resource": "*"},
    {
      "Effect": "Allow",
      "Action": [
        "s3:GetObject",
        "dynamodb:*"
      ],
      "Resource": "arn:aws:dynamodb:eu-west-1:111122223333:table/t"
    }
  ]
}
EOF
}
`,
			want: []int{22},
		},
		{
			name:  "NotAction in a heredoc",
			check: IAMAllowNotAction,
			src: testProvider + `
resource "aws_iam_group_policy" "g" {
  name   = "g"
  group  = "g"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "NotAction": "iam:*",
    "Resource": "*"
  }]
}
EOF
}
`,
			want: []int{18},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			proj, err := analyzer.Load(ctx, []string{writeTree(t, map[string]string{"main.tf": tc.src})}, analyzer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			res := proj.Run(ctx, []*analyzer.Check{tc.check}, analyzer.RunOptions{})
			var got []int
			for _, f := range res.Findings {
				if !strings.HasSuffix(f.Range.Filename, "main.tf") {
					t.Errorf("finding without the file name: %+v", f.Range)
				}
				got = append(got, f.Range.Start.Line)
			}
			sort.Ints(got)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("finding lines (-want +got):\n%s", diff)
			}
		})
	}
}

func TestIsWildcardPrincipal(t *testing.T) {
	tests := []struct {
		typ, id string
		want    bool
	}{
		{"*", "*", true},
		{"AWS", "*", true},
		{"aws", "*", true},
		{"AWS", "arn:aws:iam::111122223333:root", false},
		{"AWS", "111122223333", false},
		{"Service", "*", false},
		{"Service", "lambda.amazonaws.com", false},
		{"Federated", "*", false},
		{"CanonicalUser", "*", false},
		{"AWS", " *", false},
	}
	for _, tc := range tests {
		if got := isWildcardPrincipal(tc.typ, tc.id); got != tc.want {
			t.Errorf("isWildcardPrincipal(%q, %q) = %v, want %v", tc.typ, tc.id, got, tc.want)
		}
	}
}

func cond(op, key string, values ...string) policyCondition {
	c := policyCondition{Operator: op, Key: key, Values: policyValues{Present: true, Known: true}}
	for _, v := range values {
		c.Values.Items = append(c.Values.Items, policyValue{Text: v})
	}
	return c
}

func TestNarrowingCondition(t *testing.T) {
	unknown := cond("StringEquals", "aws:PrincipalOrgID")
	unknown.Values.Known = false
	unknownSecure := cond("Bool", "aws:SecureTransport")
	unknownSecure.Values.Known = false
	tests := []struct {
		name string
		c    policyCondition
		want bool
	}{
		{"org id", cond("StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5"), true},
		{"keys are case-insensitive", cond("StringEquals", "AWS:SourceAccount", "111122223333"), true},
		{"org id wildcard", cond("StringLike", "aws:PrincipalOrgID", "*"), false},
		{"org id partial wildcard (sensitive key)", cond("StringLike", "aws:PrincipalOrgID", "o-*"), false},
		{"one wildcard among values opens it", cond("StringEquals", "aws:SourceAccount", "111122223333", "*"), false},
		{"no values", cond("StringEquals", "aws:SourceAccount"), false},
		{"source vpce", cond("StringEquals", "aws:SourceVpce", "vpce-0a1b2c3d4e5f67890"), true},
		{"source vpc", cond("StringEquals", "aws:SourceVpc", "vpc-0a1b2c3d"), true},
		{"IfExists matches requests without the key", cond("StringEqualsIfExists", "aws:SourceVpce", "vpce-1"), false},
		{"negated operator matches everyone else", cond("StringNotEquals", "aws:PrincipalOrgID", "o-abc"), false},
		{"ForAllValues matches an absent key", cond("ForAllValues:StringEquals", "aws:PrincipalOrgPaths", "o-abc/r-1/ou-1/"), false},
		{"ForAnyValue needs a match", cond("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", "o-abc/r-1/ou-1/*"), true},
		{"org paths only wildcards", cond("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", "*"), false},
		{"source ip", cond("IpAddress", "aws:SourceIp", "203.0.113.0/24"), true},
		{"source ip world", cond("IpAddress", "aws:SourceIp", "0.0.0.0/0"), false},
		{"source ip world v6", cond("IpAddress", "aws:SourceIp", "::/0"), false},
		{"source ip with a string operator", cond("StringEquals", "aws:SourceIp", "203.0.113.7"), false},
		{"NotIpAddress", cond("NotIpAddress", "aws:SourceIp", "203.0.113.0/24"), false},
		{"source arn one account", cond("ArnLike", "aws:SourceArn", "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:*"), true},
		{"source arn any account", cond("ArnLike", "aws:SourceArn", "arn:aws:cloudwatch:eu-west-1:*:alarm:*"), false},
		{"source arn bucket", cond("ArnEquals", "aws:SourceArn", "arn:aws:s3:::acme-logs"), true},
		{"source arn any bucket", cond("ArnLike", "aws:SourceArn", "arn:aws:s3:::*"), false},
		{"principal arn string operator", cond("StringLike", "aws:PrincipalArn", "arn:aws:iam::111122223333:role/ci-*"), true},
		{"principal arn not an ARN", cond("StringLike", "aws:PrincipalArn", "*"), false},
		{"kms caller account", cond("StringEquals", "kms:CallerAccount", "111122223333"), true},
		{"secure transport says nothing of who", cond("Bool", "aws:SecureTransport", "true"), false},
		{"MFA says nothing of who", cond("Bool", "aws:MultiFactorAuthPresent", "true"), false},
		{"service key is not about who", cond("StringEquals", "kms:ViaService", "ec2.eu-west-1.amazonaws.com"), false},
		{"unknown value may narrow", unknown, true},
		{"unknown value of a key that never narrows", unknownSecure, false},
		{"userid", cond("StringLike", "aws:userid", "AROAEXAMPLEID:*"), true},
		{"null operator", cond("Null", "aws:SourceVpce", "false"), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := narrowingCondition(tc.c); got != tc.want {
				t.Errorf("narrowingCondition(%s %s %v) = %v, want %v", tc.c.Operator, tc.c.Key, tc.c.Values.texts(), got, tc.want)
			}
		})
	}
}

func TestNarrowsPrincipal(t *testing.T) {
	tests := []struct {
		name string
		s    policyStatement
		want bool
	}{
		{"no condition", policyStatement{ConditionsKnown: true}, false},
		{"unreadable conditions", policyStatement{ConditionsKnown: false}, true},
		{"one narrowing among others", policyStatement{ConditionsKnown: true, Conditions: []policyCondition{
			cond("Bool", "aws:SecureTransport", "true"),
			cond("StringEquals", "aws:PrincipalOrgID", "o-abc"),
		}}, true},
	}
	for _, tc := range tests {
		if got := narrowsPrincipal(&tc.s); got != tc.want {
			t.Errorf("%s: narrowsPrincipal = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestScopesResources(t *testing.T) {
	tests := []struct {
		name string
		cs   []policyCondition
		want bool
	}{
		{"none", nil, false},
		{"resource tag", []policyCondition{cond("StringEquals", "aws:ResourceTag/team", "payments")}, true},
		{"service resource tag", []policyCondition{cond("StringEquals", "ec2:ResourceTag/env", "dev")}, true},
		{"request tag", []policyCondition{cond("StringEquals", "aws:RequestTag/owner", "me")}, true},
		{"resource account", []policyCondition{cond("StringEquals", "aws:ResourceAccount", "111122223333")}, true},
		{"passed to service", []policyCondition{cond("StringEquals", "iam:PassedToService", "ecs-tasks.amazonaws.com")}, true},
		{"secure transport", []policyCondition{cond("Bool", "aws:SecureTransport", "true")}, false},
		{"requested region", []policyCondition{cond("StringEquals", "aws:RequestedRegion", "eu-west-1")}, false},
		{"negated tag", []policyCondition{cond("StringNotEquals", "aws:ResourceTag/team", "payments")}, false},
		{"tag present, any value", []policyCondition{cond("StringLike", "ec2:ResourceTag/CSIVolumeName", "*")}, true},
		{"request tag present", []policyCondition{cond("StringLike", "aws:RequestTag/owner", "*")}, true},
		{"any resource account", []policyCondition{cond("StringLike", "aws:ResourceAccount", "*")}, false},
		{"any service value", []policyCondition{cond("StringLike", "iam:PassedToService", "*")}, false},
		{"IfExists tag", []policyCondition{cond("StringEqualsIfExists", "aws:ResourceTag/team", "payments")}, false},
	}
	for _, tc := range tests {
		s := &policyStatement{ConditionsKnown: true, Conditions: tc.cs}
		if got := scopesResources(s); got != tc.want {
			t.Errorf("%s: scopesResources = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestPositiveOperator(t *testing.T) {
	tests := []struct {
		op   string
		base string
		ok   bool
	}{
		{"StringEquals", "stringequals", true},
		{"stringlike", "stringlike", true},
		{"ArnLike", "arnlike", true},
		{"IpAddress", "ipaddress", true},
		{"ForAnyValue:StringEquals", "stringequals", true},
		{"ForAllValues:StringEquals", "stringequals", false},
		{"StringEqualsIfExists", "stringequals", false},
		{"ForAnyValue:StringLikeIfExists", "stringlike", false},
		{"StringNotEquals", "stringnotequals", false},
		{"Bool", "bool", false},
		{"Bogus:StringEquals", "stringequals", false},
	}
	for _, tc := range tests {
		base, ok := positiveOperator(tc.op)
		if base != tc.base || ok != tc.ok {
			t.Errorf("positiveOperator(%q) = %q, %v; want %q, %v", tc.op, base, ok, tc.base, tc.ok)
		}
	}
}

func TestActionClassification(t *testing.T) {
	tests := []struct {
		action                 string
		full, service, writing bool
	}{
		{"*", true, false, true},
		{"*:*", true, false, true},
		{"s3:*", false, true, true},
		{"IAM:*", false, true, true},
		{"s3:Get*", false, false, false},
		{"s3:GetObject", false, false, false},
		{"s3:List*", false, false, false},
		{"ec2:Describe*", false, false, false},
		{"ec2:De*", false, false, true}, // could match DeleteVolume
		{"s3:*Object", false, false, true},
		{"s3:PutObject", false, false, true},
		{"s3:putobject", false, false, true},
		{"iam:PassRole", false, false, true},
		{"iam:AttachRolePolicy", false, false, true},
		{"sts:AssumeRole", false, false, true},
		{"ec2:TerminateInstances", false, false, true},
		{"ec2:CreateTags", false, false, true},
		{"lambda:InvokeFunction", false, false, true},
		{"kms:Decrypt", false, false, false},
		{"sqs:ReceiveMessage", false, false, false},
		{"*:Put*", false, false, true},
		{"nocolon", false, false, false},
		{"ecr:BatchImportUpstreamImage", false, false, true},
		{"ecr:BatchDeleteImage", false, false, true},
		{"dynamodb:BatchWriteItem", false, false, true},
		{"ecr:BatchGetImage", false, false, false},
		{"ecr:BatchCheckLayerAvailability", false, false, false},
		{"dynamodb:BatchGet*", false, false, false},
		{"ecr:Batch*", false, false, true},
		{"ecr:Ba*", false, false, true},
	}
	for _, tc := range tests {
		if got := isFullWildcardAction(tc.action); got != tc.full {
			t.Errorf("isFullWildcardAction(%q) = %v, want %v", tc.action, got, tc.full)
		}
		if got := isServiceWildcardAction(tc.action); got != tc.service {
			t.Errorf("isServiceWildcardAction(%q) = %v, want %v", tc.action, got, tc.service)
		}
		if got := isWriteAction(tc.action); got != tc.writing {
			t.Errorf("isWriteAction(%q) = %v, want %v", tc.action, got, tc.writing)
		}
	}
}

func TestAdminManagedPolicy(t *testing.T) {
	tests := map[string]string{
		"arn:aws:iam::aws:policy/AdministratorAccess":              "AdministratorAccess",
		"arn:aws-us-gov:iam::aws:policy/AdministratorAccess":       "AdministratorAccess",
		"arn:aws-cn:iam::aws:policy/IAMFullAccess":                 "IAMFullAccess",
		" arn:aws:iam::aws:policy/IAMFullAccess ":                  "IAMFullAccess", //nolint:gocritic // surrounding spaces are the case under test
		"arn:aws:iam::aws:policy/ReadOnlyAccess":                   "",
		"arn:aws:iam::aws:policy/IAMReadOnlyAccess":                "",
		"arn:aws:iam::111122223333:policy/AdministratorAccess":     "",
		"arn:aws:iam::aws:policy/job-function/AdministratorAccess": "",
		"AdministratorAccess":                                      "",
	}
	for arn, want := range tests {
		if got := adminManagedPolicy(arn); got != want {
			t.Errorf("adminManagedPolicy(%q) = %q, want %q", arn, got, want)
		}
	}
}

func TestMergeStatements(t *testing.T) {
	st := func(sid, effect string) *policyStatement { return &policyStatement{Sid: sid, Effect: effect} }
	got := mergeStatements([]*policyStatement{st("A", "Allow"), st("", "Allow"), st("B", "Allow")},
		[]*policyStatement{st("B", "Deny"), st("", "Deny"), st("C", "Allow")})
	var names []string
	for _, s := range got {
		names = append(names, s.Sid+":"+s.Effect)
	}
	want := []string{"A:Allow", ":Allow", "B:Deny", ":Deny", "C:Allow"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("merge (-want +got):\n%s", diff)
	}
}

func TestParsePolicyJSON(t *testing.T) {
	tests := []struct {
		in      string
		ok      bool
		summary string
	}{
		{`{"a": "b"}`, true, `{a:"b"}`},
		{"\ufeff{\"a\": 1}", true, `{a:"1"}`},
		{`{"a": [1, -2.5e3, true, false, null, "\u00e9\ud83d\ude00"]}`, true, `{a:["1","-2.5e3","true","false",null,"é😀"]}`},
		{"{\"a\": \x00}", true, `{a:?}`},
		{"{\"a\": \"x\x00y\"}", true, `{a:?}`},
		{"[\x00, \"b\"]", true, `[?,"b"]`},
		{`{"a": "b",}`, false, ``},
		{`{"a" "b"}`, false, ``},
		{`{"a": "b"} x`, false, ``},
		{`"unterminated`, false, ``},
		{"\"tab\tin string\"", false, ``},
		{`{"a": 01}`, false, ``},
		{`{"a": -0.5}`, true, `{a:"-0.5"}`},
		{`[1.]`, false, ``},
		{`[tru]`, false, ``},
		{`{"a": "\x"}`, false, ``},
		{strings.Repeat("[", maxJSONDepth+2) + strings.Repeat("]", maxJSONDepth+2), false, ``},
	}
	for _, tc := range tests {
		n, err := parsePolicyJSON(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("parsePolicyJSON(%q) error = %v, want ok=%v", tc.in, err, tc.ok)
			continue
		}
		if err != nil {
			continue
		}
		if got := nodeString(n); got != tc.summary {
			t.Errorf("parsePolicyJSON(%q) = %s, want %s", tc.in, got, tc.summary)
		}
	}
}

func nodeString(n *pnode) string {
	switch n.kind {
	case pUnknown:
		return "?"
	case pNull:
		return "null"
	case pString:
		return fmt.Sprintf("%q", n.text)
	case pObject:
		parts := make([]string, len(n.keys))
		for i, k := range n.keys {
			parts[i] = k + ":" + nodeString(n.members[i])
		}
		return "{" + strings.Join(parts, ",") + "}"
	case pArray:
		parts := make([]string, len(n.elems))
		for i, e := range n.elems {
			parts[i] = nodeString(e)
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	return "!"
}

// jsonDepth is how deeply the arrays and objects of valid JSON nest, by
// encoding/json's reading; 0 for invalid JSON.
func jsonDepth(s string) int {
	if !json.Valid([]byte(s)) {
		return 0
	}
	dec := json.NewDecoder(strings.NewReader(s))
	depth, deepest := 0, 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return deepest
		}
		switch tok {
		case json.Delim('['), json.Delim('{'):
			depth++
			deepest = max(deepest, depth)
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
	}
}

// FuzzParsePolicy checks that the policy reader never panics, agrees with
// encoding/json on what is valid JSON, and builds statements from whatever it
// accepts.
func FuzzParsePolicy(f *testing.F) {
	for _, seed := range []string{
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`,
		`{"Statement":{"Effect":"Allow","Principal":{"AWS":["*"]},"Action":["s3:GetObject"],"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}}`,
		`{"Statement":[{"Effect":"Deny","NotAction":"iam:*","NotResource":["arn:aws:s3:::b"],"Principal":"*"}]}`,
		"{\"Statement\": \x00}",
		`[1, 2.5e-3, "\u00e9"]`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parsePolicyJSON(s)
		plain := !strings.ContainsRune(s, unknownMark) && !strings.HasPrefix(s, "\ufeff")
		// Valid JSON nested deeper than the reader goes is refused on
		// purpose: a policy document is five levels deep at most.
		tooDeep := err != nil && jsonDepth(s) > maxJSONDepth
		if plain && !tooDeep && (err == nil) != json.Valid([]byte(s)) {
			t.Fatalf("parsePolicyJSON(%q) error = %v, encoding/json valid = %v", s, err, json.Valid([]byte(s)))
		}
		if err != nil {
			return
		}
		n.fillRanges(hcl.Range{Filename: "fuzz.tf"})
		doc := buildPolicy(n, policySource{path: "policy"})
		for _, st := range doc.Statements {
			_ = st.allows()
			_ = wildcardPrincipal(&st.Principal)
			_ = narrowsPrincipal(st)
			_ = scopesResources(st)
			for _, a := range st.Action.Items {
				_ = isWriteAction(a.Text)
			}
		}
	})
}
