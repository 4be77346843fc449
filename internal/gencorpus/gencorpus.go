// Package gencorpus writes synthetic but realistic Terraform trees for
// benchmarks and stress tests: a root module with terraform.tfvars calling
// many local child modules, each with variables, locals, outputs and files of
// about twenty AWS resources of the types onus checks. About one unit in five
// is misconfigured, so the checks have findings to report.
//
// The same seed and size always give byte-identical trees: the tree is built
// in memory from one seeded random source and written in sorted order.
package gencorpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Options size a corpus.
type Options struct {
	// Seed selects the corpus; equal seeds and sizes give equal trees.
	Seed uint64
	// Resources is the number of managed `resource` blocks to write
	// (data sources and count/for_each instances come on top).
	Resources int
	// PerFile is the number of resource blocks per file; 20 when zero.
	PerFile int
	// FilesPerModule is the number of resource files per child module; 5
	// when zero.
	FilesPerModule int
	// BadRate is the share of misconfigured units; 0.2 when zero.
	BadRate float64
}

// Expectation is a finding a misconfigured unit must produce: the check and
// the file (slash-separated, relative to the corpus root) it points into.
type Expectation struct {
	File    string
	CheckID string
}

// Stats describes a written corpus.
type Stats struct {
	Files       int
	Bytes       int64
	Modules     int
	Resources   int
	DataSources int
	Units       int
	BadUnits    int
	// Expected lists, per misconfigured unit, the finding it was written
	// to produce.
	Expected []Expectation
}

func (o Options) withDefaults() Options {
	if o.PerFile <= 0 {
		o.PerFile = 20
	}
	if o.FilesPerModule <= 0 {
		o.FilesPerModule = 5
	}
	if o.BadRate <= 0 {
		o.BadRate = 0.2
	}
	return o
}

// Generate writes a corpus into dir, which must be empty or absent.
func Generate(dir string, opts Options) (*Stats, error) {
	files, st := Build(opts)
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("gencorpus: %s is not empty", dir)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			return nil, fmt.Errorf("gencorpus: %w", err)
		}
		if err := os.WriteFile(path, []byte(files[name]), 0o644); err != nil {
			return nil, fmt.Errorf("gencorpus: %w", err)
		}
	}
	return st, nil
}

// Build returns the corpus as file contents by slash-separated path, without
// writing anything.
func Build(opts Options) (map[string]string, *Stats) {
	opts = opts.withDefaults()
	// #nosec G404 -- a reproducible corpus needs a seeded generator, not secrecy.
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	g := &gen{opts: opts, rng: rng, files: map[string]string{}, st: &Stats{}}
	g.build()
	for _, content := range g.files {
		g.st.Files++
		g.st.Bytes += int64(len(content))
	}
	return g.files, g.st
}

type gen struct {
	opts  Options
	rng   *rand.Rand
	files map[string]string
	st    *Stats
}

// rootResources is how many resource blocks the root module holds itself
// (the shared log bucket and key); the rest live in child modules.
const rootResources = 6

func (g *gen) build() {
	total := g.opts.Resources
	perModule := g.opts.PerFile * g.opts.FilesPerModule
	left := total - rootResources
	if left < 0 {
		left = 0
	}
	var modules []string
	for i := 1; left > 0; i++ {
		n := min(left, perModule)
		name := fmt.Sprintf("svc%04d", i)
		g.module(name, n)
		modules = append(modules, name)
		left -= n
	}
	g.st.Modules = len(modules)
	g.root(modules, min(total, rootResources))
}

// root writes the root module: versions, variables and their tfvars, the
// shared log bucket and key, one call per child module, and outputs.
func (g *gen) root(modules []string, resources int) {
	g.files["versions.tf"] = header + `terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}
`
	g.files["variables.tf"] = header + `variable "project" {
  type        = string
  description = "Project name, the prefix of every resource name."
}

variable "environment" {
  type    = string
  default = "dev"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "account_id" {
  type = string
}

variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/8"
}

variable "admin_cidrs" {
  type        = list(string)
  description = "Office ranges allowed to reach administration ports."
}

variable "ami_id" {
  type = string
}

variable "vpce_id" {
  type        = string
  description = "The S3 gateway endpoint that data buckets accept reads from."
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "bucket_suffixes" {
  type    = list(string)
  default = ["raw", "curated"]
}
`
	g.files["terraform.tfvars"] = fmt.Sprintf(`# Generated by internal/gencorpus (seed %d); do not edit.
project     = "corpus%d"
environment = "prod"
region      = "eu-west-1"
account_id  = "111122223333"
admin_cidrs = ["192.0.2.0/24", "198.51.100.16/28"]
ami_id      = "ami-0123456789abcdef0"
vpce_id     = "vpce-0a1b2c3d4e5f60718"
`, g.opts.Seed, g.opts.Seed)

	var b strings.Builder
	b.WriteString(header)
	b.WriteString(`locals {
  tags = {
    Project     = var.project
    Environment = var.environment
    ManagedBy   = "terraform"
  }
}
`)
	rootBlocks := []string{`
resource "aws_kms_key" "main" {
  description         = "${var.project} data key"
  enable_key_rotation = true
}
`, `
# Every other bucket's access logs land here.
resource "aws_s3_bucket" "logs" {
  bucket = "${var.project}-${var.environment}-access-logs"
}
`, `
resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id

  versioning_configuration {
    status = "Enabled"
  }
}
`, `
resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`, `
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.bucket

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.main.arn
    }
  }
}
`, `
resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.logs.arn, "${aws_s3_bucket.logs.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "LogDelivery"
        Effect    = "Allow"
        Principal = { Service = "logging.s3.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${aws_s3_bucket.logs.arn}/*"
        Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
      },
    ]
  })
}
`}
	for _, blk := range rootBlocks[:resources] {
		b.WriteString(blk)
		g.st.Resources++
	}
	logBucket, kmsKey := `"${var.project}-${var.environment}-access-logs"`, "null"
	if resources >= 2 {
		logBucket = "aws_s3_bucket.logs.id"
	}
	if resources >= 1 {
		kmsKey = "aws_kms_key.main.arn"
	}
	for i, m := range modules {
		fmt.Fprintf(&b, `
module "%s" {
  source = "./modules/%s"

  name        = "${var.project}-%s"
  environment = var.environment
  region      = var.region
  account_id  = var.account_id
  vpc_cidr    = cidrsubnet(var.vpc_cidr, 8, %d)
  admin_cidrs = var.admin_cidrs
  ami_id      = var.ami_id
  vpce_id     = var.vpce_id
  db_password = var.db_password
  log_bucket  = %s
  kms_key_arn = %s
  suffixes    = var.bucket_suffixes
  tags        = local.tags
}
`, m, m, m, i%256, logBucket, kmsKey)
	}
	g.files["main.tf"] = b.String()

	var o strings.Builder
	o.WriteString(header)
	for _, m := range modules {
		fmt.Fprintf(&o, "\noutput %q {\n  value = module.%s.name_prefix\n}\n", m+"_prefix", m)
	}
	g.files["outputs.tf"] = o.String()
}

const header = "# Generated by internal/gencorpus; do not edit.\n"

// module writes one child module holding n resource blocks.
func (g *gen) module(name string, n int) {
	dir := "modules/" + name + "/"
	g.files[dir+"variables.tf"] = header + moduleVariables
	g.files[dir+"locals.tf"] = header + moduleLocals
	g.files[dir+"main.tf"] = header + moduleBase
	g.st.Resources += moduleBaseResources
	n = max(n-moduleBaseResources, 0)
	m := &moduleGen{g: g, dir: dir}
	for file := 1; n > 0; file++ {
		k := min(n, g.opts.PerFile)
		theme := themes[g.rng.IntN(len(themes))]
		path := fmt.Sprintf("%s%s_%02d.tf", dir, theme.name, file)
		m.file(path, theme, k)
		n -= k
	}
	var o strings.Builder
	o.WriteString(header)
	o.WriteString("\noutput \"name_prefix\" {\n  value = local.prefix\n}\n")
	for _, out := range m.outputs {
		fmt.Fprintf(&o, "\noutput %q {\n  value = %s\n}\n", out[0], out[1])
	}
	g.files[dir+"outputs.tf"] = o.String()
}

const moduleVariables = `variable "name" {
  type = string
}

variable "environment" {
  type = string
}

variable "region" {
  type = string
}

variable "account_id" {
  type = string
}

variable "vpc_cidr" {
  type = string
}

variable "admin_cidrs" {
  type    = list(string)
  default = []
}

variable "ami_id" {
  type = string
}

variable "vpce_id" {
  type = string
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "log_bucket" {
  type = string
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "suffixes" {
  type    = list(string)
  default = []
}

variable "tags" {
  type    = map(string)
  default = {}
}
`

// moduleBase is the network every module's units share: a VPC with a flow
// log, two subnets and a security group for rules to attach to.
const moduleBase = `resource "aws_vpc" "shared" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = merge(local.common_tags, { Name = local.prefix })
}

resource "aws_subnet" "shared" {
  count = 2

  vpc_id            = aws_vpc.shared.id
  cidr_block        = cidrsubnet(aws_vpc.shared.cidr_block, 2, count.index)
  availability_zone = local.azs[count.index]
}

resource "aws_flow_log" "shared" {
  vpc_id               = aws_vpc.shared.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::${var.log_bucket}/flow/${local.prefix}"
}

resource "aws_security_group" "shared" {
  name        = "${local.prefix}-shared"
  description = "Traffic inside the service network"
  vpc_id      = aws_vpc.shared.id

  egress {
    description = "inside the VPC"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = [aws_vpc.shared.cidr_block]
  }
}
`

// moduleBaseResources is the number of resource blocks in moduleBase.
const moduleBaseResources = 4

const moduleLocals = `locals {
  prefix = "${var.name}-${var.environment}"
  common_tags = merge(var.tags, {
    Service = var.name
  })
  azs             = ["${var.region}a", "${var.region}b"]
  service_ports   = [443, 8443]
  admin_ports     = [22, 3389]
  data_bucket_arn = "arn:aws:s3:::${local.prefix}-data"
  partner_cidrs = {
    partner_a = "198.51.100.0/24"
    partner_b = "203.0.113.0/24"
  }
}
`

// moduleGen writes the resource files of one module.
type moduleGen struct {
	g       *gen
	dir     string
	seq     int
	outputs [][2]string
}

// file writes one file of k resource blocks, drawing units of its theme
// while they fit and single-resource units for the rest.
func (m *moduleGen) file(path string, th theme, k int) {
	var b strings.Builder
	b.WriteString(header)
	for k > 0 {
		u := th.units[m.g.rng.IntN(len(th.units))]
		if u.size > k {
			u = fillers[m.g.rng.IntN(len(fillers))]
		}
		m.seq++
		bad := m.g.rng.Float64() < m.g.opts.BadRate
		variant := m.g.rng.IntN(8)
		uc := &unitCtx{name: fmt.Sprintf("%s%03d", u.prefix, m.seq), bad: bad, variant: variant, rng: m.g.rng}
		u.write(uc)
		if uc.resources != u.size {
			panic(fmt.Sprintf("gencorpus: unit %s wrote %d resources, declared %d", u.prefix, uc.resources, u.size))
		}
		b.WriteString(uc.b.String())
		m.g.st.Units++
		m.g.st.Resources += uc.resources
		m.g.st.DataSources += uc.data
		if bad {
			m.g.st.BadUnits++
			if uc.expect != "" {
				m.g.st.Expected = append(m.g.st.Expected, Expectation{File: path, CheckID: uc.expect})
			}
		}
		m.outputs = append(m.outputs, uc.outputs...)
		k -= uc.resources
	}
	m.g.files[path] = b.String()
}
