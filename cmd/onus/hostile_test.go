package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// canary is written only into files outside the scanned tree. It must never
// appear in anything onus prints.
const canary = "CANARY-5c1e7d0a-do-not-print"

// goodResource is put beside every hostile file: its finding must survive
// whatever the hostile file does.
const goodResource = `resource "aws_iam_access_key" "ci" {
  user = "ci"
}
`

// hostileDiag is a problem onus must report: in file (slash-separated,
// relative to the scan root), at a line, with a summary containing text.
type hostileDiag struct {
	severity string // "error" or "warning"
	file     string
	summary  string
}

// hostileCase is one tree built to break a scanner.
type hostileCase struct {
	name string
	// build writes the tree into root; outside is a directory beside root,
	// outside the scan, holding the canary in secret.txt, secret.tf,
	// secret.tpl and secret.json.
	build func(t *testing.T, root, outside string)
	args  []string
	// code is the expected exit status: 1 when only findings, 2 when the
	// input has errors.
	code     int
	diags    []hostileDiag
	findings []string
	// absent names aws_s3_bucket resources that must have no s3-public-acl
	// finding: one would tell what lies outside the tree.
	absent []string
	// maxOutput, when set, bounds the bytes of each report.
	maxOutput int
	// knownBug names an engine failure not yet fixed: the case is skipped
	// unless ONUS_HOSTILE_KNOWN_BUGS=1.
	knownBug string
}

// hostileTimeout bounds every run. The hidden suite runs under a limit of
// its own; a scan of any of these trees takes well under a second when the
// engine does its job.
const hostileTimeout = 60 * time.Second

// hostileMaxRSS bounds the memory of every run.
const hostileMaxRSS = 1 << 30

func hostileCases() []hostileCase {
	write := func(t *testing.T, path string, data string) {
		t.Helper()
		writeFile(t, path, []byte(data))
	}
	nested := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	errorIn := func(file, summary string) []hostileDiag {
		return []hostileDiag{{"error", file, summary}}
	}
	warningIn := func(file, summary string) []hostileDiag {
		return []hostileDiag{{"warning", file, summary}}
	}
	return []hostileCase{
		{
			name: "NUL bytes in a .tf file",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "bin.tf"), "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n\x00\x00\x00\n}\n")
			},
			code:  2,
			diags: errorIn("bin.tf", "Binary file"),
		},
		{
			name: "random binary named .tf",
			build: func(t *testing.T, root, _ string) {
				// A stream of digests: every byte value, NULs included,
				// the same on every run.
				var b []byte
				sum := sha256.Sum256([]byte("blob"))
				for len(b) < 64<<10 {
					b = append(b, sum[:]...)
					sum = sha256.Sum256(sum[:])
				}
				writeFile(t, filepath.Join(root, "blob.tf"), b)
			},
			code:  2,
			diags: errorIn("blob.tf", "Binary file"),
		},
		{
			name: "invalid UTF-8",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "latin1.tf"), "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"caf\xe9\"\n}\n")
			},
			code:  2,
			diags: errorIn("latin1.tf", "Invalid UTF-8"),
		},
		{
			name: "BOM and CRLF are valid",
			build: func(t *testing.T, root, _ string) {
				src := "\xef\xbb\xbfresource \"aws_s3_bucket\" \"site\" {\r\n  bucket = \"site\"\r\n  acl    = \"public-read\"\r\n}\r\n"
				write(t, filepath.Join(root, "windows.tf"), src)
				write(t, filepath.Join(root, "windows.tf.json"), "\xef\xbb\xbf{\r\n  \"resource\": {\"aws_iam_access_key\": {\"json\": {\"user\": \"j\"}}}\r\n}\r\n")
			},
			code:     1,
			findings: []string{"aws_s3_bucket.site", "aws_iam_access_key.json"},
		},
		{
			name: "unterminated heredoc",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "heredoc.tf"), "resource \"aws_iam_policy\" \"p\" {\n  policy = <<EOF\n{\"Version\": \"2012-10-17\"}\n")
			},
			code:  2,
			diags: errorIn("heredoc.tf", ""),
		},
		{
			name: "unterminated string",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "string.tf"), "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"open\n}\n")
			},
			code:  2,
			diags: errorIn("string.tf", ""),
		},
		{
			name: "unterminated brace and comment",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "brace.tf"), "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n")
				write(t, filepath.Join(root, "comment.tf"), "/* never closed\nresource \"aws_s3_bucket\" \"c\" {}\n")
			},
			code:  2,
			diags: append(errorIn("brace.tf", ""), errorIn("comment.tf", "")...),
		},
		{
			name: "100k nested brackets",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "deep.tf"), "locals {\n  x = "+nested(100000)+"\n}\n")
				write(t, filepath.Join(root, "deep.tf.json"), `{"locals": {"x": `+nested(100000)+"}}\n")
			},
			code:  2,
			diags: append(errorIn("deep.tf", "Nesting too deep"), errorIn("deep.tf.json", "Nesting too deep")...),
		},
		{
			name: "3M nested brackets in terraform.tfvars",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "vars.tf"), "variable \"x\" {\n  type    = any\n  default = null\n}\n")
				write(t, filepath.Join(root, "terraform.tfvars"), "x = "+nested(3000000)+"\n")
			},
			code:  2,
			diags: errorIn("terraform.tfvars", "Nesting too deep"),
		},
		{
			name: "499k nested brackets in .terraform.lock.hcl",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "versions.tf"), "terraform {\n  required_providers {\n    aws = {\n      source  = \"hashicorp/aws\"\n      version = \">= 5.0\"\n    }\n  }\n}\n\nresource \"aws_redshift_cluster\" \"r\" {\n  cluster_identifier = \"r\"\n}\n")
				write(t, filepath.Join(root, ".terraform.lock.hcl"), "provider \"registry.terraform.io/hashicorp/aws\" {\n  version = "+nested(499000)+"\n}\n")
			},
			code: 1,
		},
		{
			name: "3M nested brackets in a templatefile template",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "tpl.tf"), "locals {\n  t = templatefile(\"${path.module}/deep.tpl\", {})\n}\n")
				write(t, filepath.Join(root, "deep.tpl"), "${"+nested(3000000)+"}\n")
			},
			code:  1,
			diags: warningIn("tpl.tf", ""),
		},
		{
			name: "3M nested arrays through jsondecode(file())",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "json.tf"), "locals {\n  j = jsondecode(file(\"${path.module}/deep.json\"))\n}\n")
				write(t, filepath.Join(root, "deep.json"), nested(3000000)+"\n")
			},
			code:  1,
			diags: warningIn("json.tf", ""),
		},
		{
			name: "2M nested arrays through jsondecode(base64decode()) in one .tf",
			build: func(t *testing.T, root, _ string) {
				b64 := base64.StdEncoding.EncodeToString([]byte(nested(2000000)))
				write(t, filepath.Join(root, "b64.tf"), "locals {\n  j = jsondecode(base64decode(\""+b64+"\"))\n}\n")
			},
			code:  1,
			diags: warningIn("b64.tf", ""),
		},
		{
			name: "megabyte strings",
			build: func(t *testing.T, root, _ string) {
				big := strings.Repeat("lorem ipsum ", 200000)
				write(t, filepath.Join(root, "big.tf"), "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  tags = {\n    Note = \""+big+"\"\n  }\n  acl = \"public-read\"\n}\n"+
					"resource \"aws_iam_policy\" \"p\" {\n  description = <<EOT\n"+big+"\nEOT\n  policy = jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [{ Effect = \"Allow\", Action = \"*\", Resource = \"*\" }]\n  })\n}\n")
			},
			code:     1,
			findings: []string{"aws_s3_bucket.b", "aws_iam_policy.p"},
		},
		{
			name: ".tf.json that is not JSON",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "broken.tf.json"), "resource \"aws_s3_bucket\" \"b\" {}\n")
			},
			code:  2,
			diags: errorIn("broken.tf.json", ""),
		},
		{
			name: ".tf.json whose root is an array of numbers",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "array.tf.json"), "[1, 2, 3]\n")
			},
			code:  2,
			diags: errorIn("array.tf.json", ""),
		},
		{
			name: "names with spaces, dashes, newlines and accents",
			build: func(t *testing.T, root, _ string) {
				bad := "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n"
				write(t, filepath.Join(root, "my dir", "a b.tf"), bad)
				write(t, filepath.Join(root, "-lead.tf"), strings.ReplaceAll(bad, `"b"`, `"lead"`))
				write(t, filepath.Join(root, "--flag.tf"), strings.ReplaceAll(bad, `"b"`, `"flag"`))
				write(t, filepath.Join(root, "-dir", "main.tf"), bad)
				write(t, filepath.Join(root, "résumé.tf"), strings.ReplaceAll(bad, `"b"`, `"accent"`))
				write(t, filepath.Join(root, "new\nline.tf"), strings.ReplaceAll(bad, `"b"`, `"newline"`))
			},
			code:     1,
			findings: []string{"aws_s3_bucket.b", "aws_s3_bucket.lead", "aws_s3_bucket.flag", "aws_s3_bucket.accent", "aws_s3_bucket.newline"},
		},
		{
			name: "a path that starts with a dash, after --",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "-dir", "main.tf"), "resource \"aws_iam_access_key\" \"dash\" {\n  user = \"d\"\n}\n")
			},
			args:     []string{"--", "-dir", "."},
			code:     1,
			findings: []string{"aws_iam_access_key.dash"},
		},
		{
			name: "empty directories and files",
			build: func(t *testing.T, root, _ string) {
				for _, d := range []string{"empty", "a/b/c/d", "only-dirs/x"} {
					if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
						t.Fatal(err)
					}
				}
				write(t, filepath.Join(root, "empty.tf"), "")
				write(t, filepath.Join(root, "blank.tf"), "\n\n   \n\t\n")
				write(t, filepath.Join(root, "comments.tf"), "# nothing\n// here\n/* either */\n")
				write(t, filepath.Join(root, "empty.tf.json"), "{}")
				write(t, filepath.Join(root, "a/b/c/d/empty.tf"), "")
			},
			code: 1,
		},
		{
			name: "symbolic link loops",
			build: func(t *testing.T, root, _ string) {
				symlink(t, ".", filepath.Join(root, "loop"))
				symlink(t, "..", filepath.Join(root, "sub", "up"))
				symlink(t, "self.tf", filepath.Join(root, "self.tf"))
				symlink(t, "b.tf", filepath.Join(root, "a.tf"))
				symlink(t, "a.tf", filepath.Join(root, "b.tf"))
				write(t, filepath.Join(root, "sub", "main.tf"), goodResource)
			},
			code:     1,
			diags:    warningIn("self.tf", ""),
			findings: []string{"aws_iam_access_key.ci"},
		},
		{
			name: "a module source through a symbolic link loop",
			build: func(t *testing.T, root, _ string) {
				symlink(t, ".", filepath.Join(root, "loop"))
				symlink(t, "..", filepath.Join(root, "sub", "up"))
				write(t, filepath.Join(root, "sub", "main.tf"), "module \"loop\" {\n  source = \"./up/loop/sub\"\n}\n")
			},
			code:  1,
			diags: warningIn("sub/main.tf", "Module cycle"),
		},
		{
			name: "symbolic links out of the tree",
			build: func(t *testing.T, root, outside string) {
				symlink(t, filepath.Join(outside, "secret.tf"), filepath.Join(root, "leak.tf"))
				symlink(t, outside, filepath.Join(root, "ext"))
				symlink(t, "/dev/zero", filepath.Join(root, "zero.tf"))
				write(t, filepath.Join(root, "mod.tf"), "module \"ext\" {\n  source = \"./ext\"\n}\n")
			},
			code:  1,
			diags: append(warningIn("leak.tf", "outside the scan root"), warningIn("mod.tf", "outside the scan root")...),
		},
		{
			name: "file functions reaching out of the tree",
			build: func(t *testing.T, root, outside string) {
				symlink(t, filepath.Join(outside, "secret.txt"), filepath.Join(root, "link.txt"))
				rel, err := filepath.Rel(root, outside)
				if err != nil {
					t.Fatal(err)
				}
				rel = filepath.ToSlash(rel)
				abs := filepath.ToSlash(outside)
				write(t, filepath.Join(root, "files.tf"), `locals {
  rel      = tonumber(file("`+rel+`/secret.txt"))
  dotdot   = tonumber(file("${path.module}/../`+filepath.Base(outside)+`/secret.txt"))
  absolute = tonumber(file("`+abs+`/secret.txt"))
  linked   = tonumber(file("${path.module}/link.txt"))
  tpl      = tonumber(templatefile("`+rel+`/secret.tpl", {}))
  b64      = tonumber(filebase64("`+abs+`/secret.txt"))
  json     = jsondecode(file("`+abs+`/secret.json")).missing
  set      = fileset("`+abs+`", "*")
  md5      = filemd5("`+abs+`/secret.txt")
}

resource "aws_s3_bucket" "leak" {
  bucket = "${local.md5}-${join(",", local.set)}"
  acl    = file("`+abs+`/secret.txt")
  tags = {
    Leak = file("${path.module}/link.txt")
  }
}

resource "aws_iam_policy" "leak" {
  policy = file("`+abs+`/secret.json")
}
`)
			},
			code:  1,
			diags: warningIn("files.tf", ""),
		},
		{
			name: "unreadable file and directory",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "locked.tf"), goodResource)
				write(t, filepath.Join(root, "closed", "main.tf"), goodResource)
				chmod(t, filepath.Join(root, "locked.tf"), 0)
				chmod(t, filepath.Join(root, "closed"), 0)
			},
			code:  2,
			diags: errorIn("locked.tf", "Unreadable"),
		},
		{
			name: "a FIFO named .tf and read by file()",
			build: func(t *testing.T, root, _ string) {
				mkfifo(t, filepath.Join(root, "pipe.tf"))
				mkfifo(t, filepath.Join(root, "pipe.txt"))
				write(t, filepath.Join(root, "read.tf"), "locals {\n  p = tonumber(file(\"${path.module}/pipe.txt\"))\n}\n")
			},
			code:  1,
			diags: warningIn("pipe.tf", "Not a regular file"),
		},
		{
			name: "3000 files in one directory",
			build: func(t *testing.T, root, _ string) {
				for i := range 3000 {
					acl := "private"
					if i%10 == 0 {
						acl = "public-read"
					}
					write(t, filepath.Join(root, fmt.Sprintf("bucket_%04d.tf", i)), fmt.Sprintf("resource \"aws_s3_bucket\" \"b%d\" {\n  bucket = \"b%d\"\n  acl    = %q\n}\n", i, i, acl))
				}
			},
			code:     1,
			findings: []string{"aws_s3_bucket.b0", "aws_s3_bucket.b1500", "aws_s3_bucket.b2990"},
		},
		{
			name: "modules calling themselves and each other",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "self.tf"), "module \"me\" {\n  source = \"./\"\n}\n")
				write(t, filepath.Join(root, "ab.tf"), "module \"a\" {\n  source = \"./a\"\n}\n")
				write(t, filepath.Join(root, "a", "main.tf"), "module \"b\" {\n  source = \"../b\"\n}\n"+goodResource)
				write(t, filepath.Join(root, "b", "main.tf"), "module \"a\" {\n  source = \"../a\"\n}\n\nmodule \"b\" {\n  source = \".\"\n}\n")
			},
			code:     1,
			diags:    append(warningIn("b/main.tf", "Module cycle"), warningIn("self.tf", "")...),
			findings: []string{"module.a.aws_iam_access_key.ci"},
		},
		{
			name: "count = 1e9",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "count.tf"), "resource \"aws_ebs_volume\" \"v\" {\n  count             = 1e9\n  availability_zone = \"eu-west-1a\"\n  size              = 1\n  encrypted         = false\n}\n")
			},
			code:     1,
			diags:    warningIn("count.tf", "Too many instances"),
			findings: []string{"aws_ebs_volume.v[0]"},
		},
		{
			name: "range(1e9) in a local",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "range.tf"), "locals {\n  r = range(1e9)\n  n = length(local.r)\n}\n\nresource \"aws_ebs_volume\" \"v\" {\n  count             = local.n\n  availability_zone = \"eu-west-1a\"\n  encrypted         = false\n}\n")
			},
			code:  1,
			diags: warningIn("range.tf", ""),
		},
		{
			name: "huge for_each, format padding and indent",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "big.tf"), `locals {
  pad    = format("%0999999999d", 1)
  indent = indent(999999999, "a\nb")
}

resource "aws_ebs_volume" "v" {
  for_each          = { for p in setproduct(range(150), range(150)) : "${p[0]}-${p[1]}" => p }
  availability_zone = "eu-west-1a"
  encrypted         = false
}
`)
			},
			code:     1,
			diags:    warningIn("big.tf", "Too many instances"),
			findings: []string{`aws_ebs_volume.v["0-0"]`},
		},
		{
			name: "reference cycles",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "cycle.tf"), "locals {\n  a = local.b\n  b = local.c\n  c = local.a\n}\n\nresource \"aws_s3_bucket\" \"x\" {\n  bucket = aws_s3_bucket.y.id\n}\n\nresource \"aws_s3_bucket\" \"y\" {\n  bucket = aws_s3_bucket.x.id\n}\n")
			},
			code:  1,
			diags: warningIn("cycle.tf", "Cycle"),
		},
		{
			name: "strings doubled forty times through locals",
			build: func(t *testing.T, root, _ string) {
				var b strings.Builder
				b.WriteString("locals {\n  l0 = \"aaaaaaaaaaaaaaaa\"\n")
				for i := 1; i <= 40; i++ {
					fmt.Fprintf(&b, "  l%d = \"${local.l%d}${local.l%d}\"\n", i, i-1, i-1)
				}
				b.WriteString("}\n\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = local.l40\n}\n")
				write(t, filepath.Join(root, "laughs.tf"), b.String())
			},
			code:  1,
			diags: warningIn("laughs.tf", ""),
		},
		{
			name: "lists doubled forty times through locals",
			build: func(t *testing.T, root, _ string) {
				var b strings.Builder
				b.WriteString("locals {\n  l0 = [\"a\", \"b\"]\n")
				for i := 1; i <= 40; i++ {
					fmt.Fprintf(&b, "  l%d = concat(local.l%d, local.l%d)\n", i, i-1, i-1)
				}
				b.WriteString("}\n")
				write(t, filepath.Join(root, "lists.tf"), b.String())
			},
			code:  1,
			diags: warningIn("lists.tf", ""),
		},
		{
			name: "nested for expressions of a billion elements",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "for.tf"), "locals {\n  x = [for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]]\n}\n")
				write(t, filepath.Join(root, "local.tf"), `locals {
  l    = flatten([for i in range(1000) : range(1000)])
  pair = [for i in local.l : [for j in local.l : j]]
  flat = flatten([for i in range(1000) : [for j in range(1000) : [for k in range(1000) : k]]])
  tri  = [for i in range(1000) : [for j in range(i) : [for k in range(i) : k]]]
  call = [for i in range(1000) : [for j in range(1000) : range(1000)]]
  prod = [for i in range(1000) : setproduct(range(1000), range(1000))]
  wide = [for i in range(1000) : [for j in range(1000) : format("%099999d", j)]]
  fine = { for k, v in { a = 2, b = 3 } : k => [for n in range(v) : upper(tostring(n))] }
}

resource "aws_s3_bucket" "fine" {
  for_each = local.fine
  bucket   = each.key
  acl      = "public-read"
}
`)
			},
			code: 1,
			diags: []hostileDiag{
				{"warning", "for.tf", "Too many elements"},
				{"warning", "local.tf", "Too many elements"},
			},
			findings: []string{`aws_s3_bucket.fine["a"]`, `aws_s3_bucket.fine["b"]`},
		},
		{
			name: "a hundred million empty module instances",
			build: func(t *testing.T, root, _ string) {
				write(t, filepath.Join(root, "fan.tf"), "module \"a\" {\n  source = \"./a\"\n  count  = 10000\n}\n")
				write(t, filepath.Join(root, "a", "main.tf"), "module \"b\" {\n  source = \"../b\"\n  count  = 10000\n}\n")
				write(t, filepath.Join(root, "b", "main.tf"), "locals {\n  x = 1\n}\n")
			},
			code:  1,
			diags: warningIn("a/main.tf", "Too many instances"),
		},
		{
			name: "file functions asking whether files outside the tree exist",
			build: func(t *testing.T, root, outside string) {
				abs := filepath.ToSlash(outside)
				symlink(t, filepath.Join(outside, "secret.txt"), filepath.Join(root, "there.txt"))
				symlink(t, filepath.Join(outside, "missing.txt"), filepath.Join(root, "gone.txt"))
				// Outside the tree the answer is unknown; a link inside it
				// that leads out is false, as a missing file, whether or
				// not its target exists.
				probe := func(name, cond string) string {
					return "resource \"aws_s3_bucket\" \"" + name + "\" {\n  bucket = \"" + name + "\"\n  acl    = " + cond + " ? \"public-read\" : \"private\"\n}\n\n"
				}
				write(t, filepath.Join(root, "probe.tf"),
					probe("abs_there", `fileexists("`+abs+`/secret.txt")`)+
						probe("abs_missing", `!fileexists("`+abs+`/missing.txt")`)+
						probe("dotdot", `fileexists("${path.module}/../`+filepath.Base(outside)+`/secret.txt")`)+
						probe("link_there", `fileexists("${path.module}/there.txt")`)+
						probe("link_missing", `fileexists("${path.module}/gone.txt")`)+
						probe("set_abs", `length(fileset("`+abs+`", "*")) > 0`)+
						probe("set_climb", `length(fileset(path.module, "../`+filepath.Base(outside)+`/*")) > 0`)+
						probe("set_link", `length(fileset(path.module, "there.txt")) > 0`)+
						probe("inside", `fileexists("${path.module}/good.tf")`))
			},
			code:     1,
			diags:    warningIn("probe.tf", "outside the scanned tree"),
			findings: []string{"s3-public-acl aws_s3_bucket.inside"},
			absent: []string{"abs_there", "abs_missing", "dotdot", "link_there", "link_missing",
				"set_abs", "set_climb", "set_link"},
		},
		{
			name: "a finding on a five-megabyte line",
			build: func(t *testing.T, root, _ string) {
				big := strings.Repeat("é lorem ipsum ", 5<<20/15)
				write(t, filepath.Join(root, "wide.tf"), "resource \"aws_s3_bucket\" \"wide\" {\n  bucket = \"wide\"\n  acl    = \"public-read\" # "+big+"\n}\n")
				write(t, filepath.Join(root, "wide.tf.json"), `{"resource": {"aws_s3_bucket": {"json": {"bucket": "json", "acl": "public-read", "tags": {"Note": "`+big+`"}}}}}`)
			},
			code:      1,
			findings:  []string{"aws_s3_bucket.wide", "aws_s3_bucket.json"},
			maxOutput: 64 << 10,
		},
		{
			name: "a thousand warnings in one file",
			build: func(t *testing.T, root, _ string) {
				var b strings.Builder
				b.WriteString("locals {\n")
				for i := range 1000 {
					fmt.Fprintf(&b, "  n%d = tonumber(\"not a number %d\")\n", i, i)
				}
				b.WriteString("}\n\nresource \"aws_s3_bucket\" \"noisy\" {\n  bucket = \"noisy\"\n  acl    = \"public-read\"\n}\n")
				write(t, filepath.Join(root, "noisy.tf"), b.String())
			},
			code:      1,
			diags:     warningIn("noisy.tf", "More diagnostics"),
			findings:  []string{"aws_s3_bucket.noisy"},
			maxOutput: 64 << 10,
		},
	}
}

// TestHostileInput scans each hostile tree with the real binary, as JSON and
// as text, and checks that onus neither panics, hangs nor balloons, prints
// valid JSON with the expected exit status, reports the problem with its
// file and line, still reports the finding beside it, and never prints
// what lies outside the tree.
func TestHostileInput(t *testing.T) {
	runKnown := os.Getenv("ONUS_HOSTILE_KNOWN_BUGS") == "1"
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			if tc.knownBug != "" && !runKnown {
				t.Skip("known engine bug (ONUS_HOSTILE_KNOWN_BUGS=1 runs it): " + tc.knownBug)
			}
			if testing.Short() && tc.knownBug != "" {
				t.Skip("-short")
			}
			base := t.TempDir()
			root, outside := filepath.Join(base, "root"), filepath.Join(base, "outside")
			writeOutside(t, outside)
			writeFile(t, filepath.Join(root, "good.tf"), []byte(goodResource))
			tc.build(t, root, outside)
			t.Cleanup(func() { restoreModes(root) })

			jsonRun := runHostile(t, root, append([]string{"scan", "--now", scanDate, "--format", "json"}, tc.args...)...)
			jsonRun.checkSound(t)
			textRun := runHostile(t, root, append([]string{"scan", "--now", scanDate, "--no-color"}, tc.args...)...)
			textRun.checkSound(t)
			if jsonRun.code != tc.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", jsonRun.code, tc.code, jsonRun.stderr)
			}
			if textRun.code != jsonRun.code {
				t.Errorf("exit status %d as text, %d as JSON", textRun.code, jsonRun.code)
			}
			doc := jsonRun.decode(t)
			findings := map[string]bool{}
			for _, f := range doc.Findings {
				findings[f.Resource] = true
				findings[f.CheckID+" "+f.Resource] = true
				if f.Location.File == "" || f.Location.StartLine < 1 {
					t.Errorf("finding %s on %s has no location", f.CheckID, f.Resource)
				}
			}
			for _, want := range append([]string{"aws_iam_access_key.ci"}, tc.findings...) {
				if !findings[want] {
					t.Errorf("no finding on %s; got %v", want, findings)
				}
			}
			for _, name := range tc.absent {
				if r := "s3-public-acl aws_s3_bucket." + name; findings[r] {
					t.Errorf("a finding on %s tells what lies outside the tree", r)
				}
			}
			if tc.maxOutput > 0 {
				for _, r := range []hostileRun{jsonRun, textRun} {
					if len(r.stdout) > tc.maxOutput {
						t.Errorf("onus %s printed %d bytes, over %d", strings.Join(r.args, " "), len(r.stdout), tc.maxOutput)
					}
				}
			}
			for _, d := range tc.diags {
				if !textRun.hasDiag(d) {
					t.Errorf("no %s at %s:LINE containing %q in:\n%s", d.severity, d.file, d.summary, textRun.stdout)
				}
				if d.severity == "error" && !doc.hasError(d) {
					t.Errorf("no JSON error in %s with a line and %q: %+v", d.file, d.summary, doc.Errors)
				}
			}
		})
	}
}

// writeOutside fills the directory beside the scan root with files holding
// the canary, each of a kind a file function or a link might read.
func writeOutside(t *testing.T, outside string) {
	t.Helper()
	files := map[string]string{
		"secret.txt":  canary,
		"secret.tpl":  canary + " ${1 + 1}",
		"secret.json": `{"Version": "2012-10-17", "Statement": [{"Sid": "` + canary + `", "Effect": "Allow", "Action": "*", "Resource": "*"}]}`,
		"secret.tf":   "resource \"aws_s3_bucket\" \"secret\" {\n  bucket = \"" + canary + "\"\n  acl    = \"public-read\"\n}\n",
	}
	for name, data := range files {
		writeFile(t, filepath.Join(outside, name), []byte(data))
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symbolic links unavailable: %v", err)
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("named pipes unavailable: %v", err)
	}
}

// chmod takes permissions away and skips the test when they do not bind
// (root reads anything).
func chmod(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	if f, err := os.Open(path); err == nil {
		_ = f.Close()
		t.Skip("permissions do not restrict this user (root?): cannot make a file unreadable")
	}
}

// restoreModes makes everything under root removable again.
func restoreModes(root string) {
	_ = filepath.WalkDir(root, func(path string, d os.DirEntry, _ error) error {
		if d != nil && d.Type()&os.ModeSymlink == 0 {
			_ = os.Chmod(path, 0o700) // #nosec G302 -- directories need their search bit to be removed
		}
		return nil
	})
}

// hostileRun is the outcome of one scan.
type hostileRun struct {
	args           []string
	stdout, stderr string
	code           int
	timedOut       bool
	maxRSS         int64
}

func runHostile(t *testing.T, dir string, args ...string) hostileRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hostileTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	cmd.WaitDelay = 5 * time.Second
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	r := hostileRun{args: args, stdout: out.String(), stderr: errOut.String(), timedOut: ctx.Err() != nil}
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		r.code = exitErr.ExitCode()
	case err != nil && !r.timedOut:
		t.Fatalf("running onus: %v", err)
	}
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			r.maxRSS = ru.Maxrss * 1024 // kilobytes on Linux
		}
	}
	return r
}

// checkSound fails on what no input may cause: a hang, a crash, a memory
// blow-up, or the canary in the output.
func (r hostileRun) checkSound(t *testing.T) {
	t.Helper()
	if r.timedOut {
		t.Fatalf("onus %s did not finish within %s", strings.Join(r.args, " "), hostileTimeout)
	}
	for _, crash := range []string{"panic:", "fatal error:", "goroutine ", "Internal error"} {
		if strings.Contains(r.stderr, crash) || strings.Contains(r.stdout, crash) {
			t.Fatalf("onus %s crashed (%q):\n%.2000s", strings.Join(r.args, " "), crash, r.stderr+r.stdout)
		}
	}
	if r.maxRSS > hostileMaxRSS {
		t.Errorf("onus %s used %d MB", strings.Join(r.args, " "), r.maxRSS>>20)
	}
	if strings.Contains(r.stdout, canary) || strings.Contains(r.stderr, canary) {
		t.Errorf("onus %s printed the content of a file outside the tree", strings.Join(r.args, " "))
	}
}

// hostileDoc is the part of the JSON report these tests read.
type hostileDoc struct {
	Findings []struct {
		CheckID  string `json:"check_id"`
		Resource string `json:"resource"`
		Location struct {
			File      string `json:"file"`
			StartLine int    `json:"start_line"`
		} `json:"location"`
	} `json:"findings"`
	Errors []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Message string `json:"message"`
	} `json:"errors"`
}

func (r hostileRun) decode(t *testing.T) hostileDoc {
	t.Helper()
	var doc hostileDoc
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("standard output is not valid JSON: %v\n%.2000s", err, r.stdout)
	}
	return doc
}

func (d hostileDoc) hasError(want hostileDiag) bool {
	for _, e := range d.Errors {
		if e.File == want.file && e.Line >= 1 && strings.Contains(e.Message, want.summary) {
			return true
		}
	}
	return false
}

// hasDiag looks for a text line `FILE:LINE:COL: SEVERITY: ...summary...`
// with LINE at least 1.
func (r hostileRun) hasDiag(want hostileDiag) bool {
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(want.file) + `:([1-9][0-9]*):[0-9]+: ` + want.severity + `: .*` + regexp.QuoteMeta(want.summary))
	for _, line := range strings.Split(r.stdout, "\n") {
		if re.MatchString(line) {
			return true
		}
	}
	return false
}
