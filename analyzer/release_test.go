package analyzer

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// releaseTree calls one directory from two module calls of the root, one
// with count, and again from a module that another call evaluates for each
// key of a for_each: five evaluations of ./shared under three calls.
func releaseTree(t *testing.T) string {
	t.Helper()
	return writeTree(t, map[string]string{
		"main.tf": `
module "one" {
  source = "./shared"
  name   = "one"
}
module "many" {
  source = "./shared"
  count  = 2
  name   = "many-${count.index}"
}
module "outer" {
  source   = "./outer"
  for_each = toset(["a", "b"])
  prefix   = module.one.bucket
}
resource "aws_s3_bucket" "root" {
  bucket = "${module.one.bucket}-root"
}
resource "aws_s3_bucket_versioning" "root" {
  bucket = aws_s3_bucket.root.id
  versioning_configuration {
    status = "Enabled"
  }
}
`,
		"shared/main.tf": `
variable "name" {}
resource "aws_s3_bucket" "b" {
  bucket = var.name
}
resource "aws_s3_bucket_versioning" "v" {
  for_each = aws_s3_bucket.b.bucket == "" ? {} : { x = aws_s3_bucket.b }
  bucket   = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}
output "bucket" {
  value = aws_s3_bucket.b.bucket
}
`,
		"outer/main.tf": `
variable "prefix" {}
module "inner" {
  source = "../shared"
  name   = "${var.prefix}-inner"
}
resource "aws_sqs_queue" "q" {
  name = module.inner.bucket
}
`,
	})
}

// TestReleasePlan: every directory is counted once per module call of the
// root under which it is evaluated, however many instances the calls and
// the calls below them make, and once for being a root; only the root is
// evaluated once (./outer has for_each, ./shared three calls).
func TestReleasePlan(t *testing.T) {
	dir := releaseTree(t)
	proj, err := Load(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	plans, ok := proj.planRelease()
	if !ok {
		t.Fatal("the walk of a small tree should not be cut")
	}
	got := map[string][]string{}
	for call, dms := range plans[proj.roots[0]] {
		for _, dm := range dms {
			rel, _ := filepath.Rel(dir, dm.abs)
			got[call] = append(got[call], filepath.ToSlash(rel))
		}
	}
	want := map[string][]string{"one": {"shared"}, "many": {"shared"}, "outer": {"outer", "shared"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("directories per call (-want +got):\n%s", diff)
	}
	pending := map[string]int32{}
	for _, name := range []string{".", "shared", "outer"} {
		pending[name] = proj.dir(filepath.Join(dir, name)).pending.Load()
	}
	if diff := cmp.Diff(map[string]int32{".": 1, "shared": 3, "outer": 1}, pending); diff != "" {
		t.Errorf("pending evaluations (-want +got):\n%s", diff)
	}
	once := map[string]bool{}
	for _, name := range []string{".", "shared", "outer"} {
		once[name] = proj.dir(filepath.Join(dir, name)).evaluatedOnce
	}
	if diff := cmp.Diff(map[string]bool{".": true, "shared": false, "outer": false}, once); diff != "" {
		t.Errorf("evaluated once (-want +got):\n%s", diff)
	}
}

// TestReleaseAsEvaluated: letting go of each directory's syntax once its
// last evaluation is done changes nothing in the result, at any
// parallelism, when the instance budget runs out in a wave (whose calls are
// then evaluated again, from syntax parsed again), and when a project is
// evaluated a second time.
func TestReleaseAsEvaluated(t *testing.T) {
	dir := releaseTree(t)
	for _, limit := range []int{10000, 1} {
		load := func(parallelism int) *Project {
			t.Helper()
			proj, err := Load(context.Background(), []string{dir}, Options{Parallelism: parallelism, MaxInstances: limit})
			if err != nil {
				t.Fatal(err)
			}
			return proj
		}
		want := renderEvaluation(load(1).Evaluate(context.Background()))
		if limit == 1 && !strings.Contains(want, "Too many instances") {
			t.Fatalf("a budget of one instance should run out:\n%s", want)
		}
		for _, par := range []int{1, 2, 8} {
			proj := load(par)
			got := renderEvaluation(proj.evaluate(context.Background(), true))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("max instances %d, parallelism %d: releasing changed the evaluation (-want +got):\n%s", limit, par, diff)
			}
			proj.mu.Lock()
			for _, dm := range proj.dirs {
				if dm.pending.Load() <= 0 && !dm.released {
					t.Errorf("max instances %d, parallelism %d: %s was evaluated for the last time but kept its syntax", limit, par, dm.abs)
				}
			}
			proj.mu.Unlock()
			again := renderEvaluation(proj.evaluate(context.Background(), true))
			if diff := cmp.Diff(want, again); diff != "" {
				t.Errorf("max instances %d, parallelism %d: evaluating again after the release differs (-want +got):\n%s", limit, par, diff)
			}
		}
	}
}
