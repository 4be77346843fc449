package checks

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/onus-sec/onus/analyzer"
	"github.com/onus-sec/onus/internal/gencorpus"
)

// linkEdgeCases relates buckets and split resources in every form the link
// can take: references to id, bucket and arn, literal names and ARNs,
// unknown names, conditionals over two buckets, for_each over buckets,
// unknown count, values derived from no bucket, data sources and modules,
// and the instances of a counted bucket, each named by its own index, by an
// unknown one or by for_each over them.
const linkEdgeCases = `
variable "unknown_name" {
  type = string
}

variable "flag" {
  type = bool
}

variable "n" {
  type = number
}

data "external" "x" {
  program = ["true"]
}

resource "aws_s3_bucket" "a" {
  bucket = "alpha"
}

resource "aws_s3_bucket" "b" {
  bucket = var.unknown_name
}

resource "aws_s3_bucket" "c" {}

resource "aws_s3_bucket" "m" {
  for_each = toset(["x", "y"])
  bucket   = "m-${each.key}"
}

resource "aws_s3_bucket" "u" {
  count  = var.n
  bucket = "u-${count.index}"
}

resource "aws_s3_bucket_versioning" "lit" {
  bucket = "alpha"
}

resource "aws_s3_bucket_versioning" "unk" {
  bucket = var.unknown_name
}

resource "aws_s3_bucket_versioning" "ref" {
  bucket = aws_s3_bucket.a.id
}

resource "aws_s3_bucket_versioning" "arn" {
  bucket = aws_s3_bucket.b.arn
}

resource "aws_s3_bucket_versioning" "cond" {
  bucket = var.flag ? aws_s3_bucket.a.id : aws_s3_bucket.c.id
}

resource "aws_s3_bucket_versioning" "each" {
  for_each = aws_s3_bucket.m
  bucket   = each.value.id
}

resource "aws_s3_bucket_versioning" "one" {
  bucket = aws_s3_bucket.m["x"].bucket
}

resource "aws_s3_bucket_versioning" "uref" {
  bucket = aws_s3_bucket.u[0].id
}

resource "aws_s3_bucket_versioning" "open" {
  bucket = data.external.x.result.name
}

resource "aws_s3_bucket_versioning" "arnlit" {
  bucket = "arn:aws:s3:::m-y"
}

data "aws_s3_bucket" "d" {
  bucket = "alpha"
}

resource "aws_s3_bucket_public_access_block" "d" {
  bucket = data.aws_s3_bucket.d.id
}

resource "aws_s3_bucket_public_access_block" "lit" {
  bucket = "u-0"
}

module "child" {
  source = "./child"
  bucket = aws_s3_bucket.a.id
}

resource "aws_s3_bucket" "k" {
  count  = 3
  bucket = "k-${count.index}"
}

resource "aws_s3_bucket_versioning" "k" {
  count  = 3
  bucket = aws_s3_bucket.k[count.index].id
}

resource "aws_s3_bucket_versioning" "kunknown" {
  bucket = aws_s3_bucket.k[var.n].id
}

resource "aws_s3_bucket_public_access_block" "kfirst" {
  bucket = aws_s3_bucket.k[0].bucket
}

resource "aws_s3_bucket_versioning" "kpicked" {
  bucket = [for b in aws_s3_bucket.k : b.id][1]
}

resource "aws_s3_bucket_versioning" "kany" {
  bucket = element(aws_s3_bucket.k[*].id, var.n)
}

resource "aws_s3_bucket_versioning" "many" {
  bucket = values(aws_s3_bucket.m)[0].id
}

resource "aws_s3_bucket_policy" "keach" {
  for_each = { for i, b in aws_s3_bucket.k : tostring(i) => b }
  bucket   = each.value.id
  policy   = "{}"
}
`

const linkEdgeChild = `
variable "bucket" {
  type = string
}

resource "aws_s3_bucket" "own" {
  bucket = "alpha"
}

resource "aws_s3_bucket_public_access_block" "p" {
  bucket = var.bucket
}

resource "aws_s3_bucket_versioning" "own" {
  bucket = aws_s3_bucket.own.bucket
}
`

// TestSplitIndexMatchesFullScan checks that looking split resources up in
// the index gives exactly what relating every split resource to every
// bucket gives, in the same order.
func TestSplitIndexMatchesFullScan(t *testing.T) {
	edge := t.TempDir()
	for name, src := range map[string]string{"main.tf": linkEdgeCases, "child/main.tf": linkEdgeChild} {
		path := filepath.Join(edge, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	corpus := t.TempDir()
	if _, err := gencorpus.Generate(corpus, gencorpus.Options{Seed: 5, Resources: 1200}); err != nil {
		t.Fatal(err)
	}
	typeSets := [][]string{
		{typeS3BucketVersioning},
		{typeS3BucketPublicAccessBlock},
		{typeS3BucketVersioning, typeS3BucketPublicAccessBlock, typeS3BucketPolicy},
	}
	for _, dir := range []string{edge, corpus} {
		ctx := context.Background()
		proj, err := analyzer.Load(ctx, []string{dir}, analyzer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		cfgs, _ := proj.Evaluate(ctx)
		compared := 0
		for _, cfg := range cfgs {
			p := &analyzer.Pass{Check: &analyzer.Check{ID: "test"}, Config: cfg}
			l := newS3Links(p)
			for _, b := range p.Resources(typeS3Bucket) {
				tb := l.target(b)
				for _, types := range typeSets {
					var want []string
					for _, x := range p.Resources(types...) {
						if relateBuckets(l.target(x), tb) != linkNone {
							want = append(want, x.Address)
						}
					}
					var got []string
					for _, x := range l.pointingAt(tb, types...) {
						got = append(got, x.Address)
					}
					if len(got) != len(want) {
						t.Errorf("%s %v: index gives %v, full scan %v", b.Address, types, got, want)
						continue
					}
					for i := range got {
						if got[i] != want[i] {
							t.Errorf("%s %v: index gives %v, full scan %v", b.Address, types, got, want)
							break
						}
					}
					compared++
				}
			}
		}
		if compared == 0 {
			t.Errorf("%s: no bucket compared", dir)
		}
	}
}
