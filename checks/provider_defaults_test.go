package checks

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/onus-sec/onus/analyzer"
)

// defaultsConfig evaluates a root module with the given required_providers
// constraint ("" for none) and lock file version ("" for none).
func defaultsConfig(t *testing.T, constraint, locked string) *analyzer.Config {
	t.Helper()
	dir := t.TempDir()
	src := `resource "aws_redshift_cluster" "c" {
  cluster_identifier = "c"
  node_type          = "ra3.xlplus"
}
`
	if constraint != "" {
		src += "terraform {\n  required_providers {\n    aws = {\n      source  = \"hashicorp/aws\"\n      version = \"" + constraint + "\"\n    }\n  }\n}\n"
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	if locked != "" {
		lock := "provider \"registry.terraform.io/hashicorp/aws\" {\n  version = \"" + locked + "\"\n}\n"
		if err := os.WriteFile(filepath.Join(dir, ".terraform.lock.hcl"), []byte(lock), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	p, err := analyzer.Load(context.Background(), []string{dir}, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfgs, _ := p.Evaluate(context.Background())
	if len(cfgs) != 1 {
		t.Fatalf("%d configurations", len(cfgs))
	}
	return cfgs[0]
}

func TestProviderDefault(t *testing.T) {
	tests := []struct {
		name               string
		constraint, locked string
		public, encrypted  bool
		version            string
	}{
		{"no constraint: the newest provider", "", "", false, true, "6.0.0 or later (the newest provider: no version constraint)"},
		{"v5 constraint", "~> 5.0", "", true, false, "before 6.0.0 (the newest provider that ~> 5.0 admits)"},
		{"open constraint admits v6", ">= 5.0", "", false, true, "6.0.0 or later (the newest provider that >= 5.0 admits)"},
		{"capped below 6", ">= 4.0, < 6.0", "", true, false, "before 6.0.0 (the newest provider that >= 4.0, < 6.0 admits)"},
		{"lock wins over constraint", ">= 5.0", "5.100.0", true, false, "before 6.0.0 (5.100.0 locked in .terraform.lock.hcl)"},
		{"lock on v6", "", "6.2.0", false, true, "6.0.0 or later (6.2.0 locked in .terraform.lock.hcl)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := defaultsConfig(t, tt.constraint, tt.locked)
			public, version, ok := providerDefaultBool(cfg, "aws_redshift_cluster", "publicly_accessible")
			if !ok || public != tt.public || version != tt.version {
				t.Errorf("publicly_accessible default = %v (%q), ok %v; want %v (%q)", public, version, ok, tt.public, tt.version)
			}
			encrypted, _, ok := providerDefaultBool(cfg, "aws_redshift_cluster", "encrypted")
			if !ok || encrypted != tt.encrypted {
				t.Errorf("encrypted default = %v, ok %v; want %v", encrypted, ok, tt.encrypted)
			}
		})
	}
	if _, ok := providerDefault(defaultsConfig(t, "", ""), "aws_s3_bucket", "force_destroy"); ok {
		t.Error("an argument without an entry should not be found")
	}
}

// TestProviderDefaultsTable checks the table itself: every argument exists
// in the provider schema onus embeds, and every change has a source.
func TestProviderDefaultsTable(t *testing.T) {
	table, err := loadProviderDefaults()
	if err != nil {
		t.Fatal(err)
	}
	if len(table) == 0 {
		t.Fatal("empty table")
	}
	for key, e := range table {
		isBlock, known := analyzer.SchemaBlockName(analyzer.Managed, e.Resource, nil, e.Argument)
		if !known || isBlock {
			t.Errorf("%s: the provider schema has no argument %s on %s", key, e.Argument, e.Resource)
		}
		for _, c := range e.Changes {
			if strings.TrimSpace(c.Source) == "" {
				t.Errorf("%s: the change in %s has no source", key, c.Since)
			}
		}
	}
}

// TestRedshiftDefaultMessages holds the two Redshift checks to the table:
// a missing argument is reported only where the version that applies has
// the unsafe default, and the message names that version.
func TestRedshiftDefaultMessages(t *testing.T) {
	tests := []struct {
		name               string
		constraint, locked string
		want               string // "" for no finding
	}{
		{"v5 constraint", "~> 5.0", "", "before 6.0.0 (the newest provider that ~> 5.0 admits)"},
		{"v6 floor", ">= 6.0", "", ""},
		{"no constraint", "", "", ""},
		{"v5 lock", ">= 5.0", "5.100.0", "before 6.0.0 (5.100.0 locked in .terraform.lock.hcl)"},
		{"v6 lock over a v5 constraint", "~> 5.0", "6.2.0", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := defaultsConfig(t, tt.constraint, tt.locked)
			findings, _ := analyzer.RunChecks(context.Background(), []*analyzer.Config{cfg}, []*analyzer.Check{RedshiftPublic, RedshiftUnencrypted}, analyzer.RunOptions{})
			if tt.want == "" {
				if len(findings) != 0 {
					t.Errorf("got %d findings, want none: %v", len(findings), findings[0].Message)
				}
				return
			}
			if len(findings) != 2 {
				t.Fatalf("got %d findings, want one per check", len(findings))
			}
			for _, f := range findings {
				if !strings.Contains(f.Message, tt.want) {
					t.Errorf("%s: message %q does not name %q", f.CheckID, f.Message, tt.want)
				}
			}
		})
	}
}
