// Command schemagen writes the compact AWS provider schema that onus embeds
// (analyzer/schemadata/aws.schema). It runs `terraform providers schema
// -json` against the AWS provider found in a local filesystem mirror, keeps
// what onus needs of every resource and data source type — attribute types,
// which attributes only the provider computes, nested block nesting and item
// limits — and drops the descriptions, which are most of the size.
//
// It is run by `go generate ./analyzer`. Without terraform on the PATH or
// without the provider in the mirror it says so and exits 0, leaving the
// committed file as it is: the project builds and tests with Go alone.
//
// Usage:
//
//	go run ./internal/schemagen -out analyzer/schemadata/aws.schema
//
// The mirror is the folder that holds registry.terraform.io/; it is taken
// from ONUS_TF_PLUGIN_DIR, else /opt/tf-plugins.
package main

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// providerVersion is the AWS provider release the table is generated from.
// Changing it means regenerating the table and updating the notice beside it.
const providerVersion = "5.100.0"

const providerSource = "registry.terraform.io/hashicorp/aws"

func main() {
	out := flag.String("out", "schemadata/aws.schema", "write the compact schema to `FILE`")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintf(os.Stderr, "schemagen: %v\n", err)
		os.Exit(1)
	}
}

func run(out string) error {
	tf, err := exec.LookPath("terraform")
	if err != nil {
		fmt.Fprintln(os.Stderr, "schemagen: terraform is not on the PATH; keeping the committed schema")
		return nil
	}
	mirror := os.Getenv("ONUS_TF_PLUGIN_DIR")
	if mirror == "" {
		mirror = "/opt/tf-plugins"
	}
	platformDir := filepath.Join(mirror, "registry.terraform.io", "hashicorp", "aws", providerVersion)
	if _, err := os.Stat(platformDir); err != nil { //nolint:gosec // the mirror is the developer's own, named by them
		fmt.Fprintf(os.Stderr, "schemagen: the AWS provider %s is not in the mirror %s; keeping the committed schema\n", providerVersion, mirror)
		return nil
	}
	raw, tfVersion, err := providerSchema(tf, mirror)
	if err != nil {
		return err
	}
	table, err := compact(raw, tfVersion)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, table, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "schemagen: wrote %s (%d bytes)\n", out, len(table))
	return nil
}

// providerSchema initialises a scratch configuration that requires exactly
// the provider version, offline, and returns Terraform's schema document.
func providerSchema(tf, mirror string) (schema []byte, tfVersion string, err error) {
	dir, err := os.MkdirTemp("", "onus-schemagen-")
	if err != nil {
		return nil, "", err
	}
	defer os.RemoveAll(dir)
	cfg := fmt.Sprintf("terraform {\n  required_providers {\n    aws = {\n      source  = \"hashicorp/aws\"\n      version = %q\n    }\n  }\n}\n", providerVersion)
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(cfg), 0o644); err != nil {
		return nil, "", err
	}
	terraform := func(args ...string) ([]byte, error) {
		cmd := exec.Command(tf, args...) //nolint:gosec // terraform from the PATH with arguments this program writes
		cmd.Dir = dir
		// An empty CLI configuration: no credentials helper, no network
		// mirror, nothing from the user's ~/.terraformrc.
		cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+os.DevNull, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("terraform %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
		}
		return out, nil
	}
	if _, err := terraform("init", "-input=false", "-no-color", "-backend=false", "-plugin-dir="+mirror); err != nil {
		return nil, "", err
	}
	schema, err = terraform("providers", "schema", "-json")
	if err != nil {
		return nil, "", err
	}
	v, err := terraform("version", "-json")
	if err != nil {
		return nil, "", err
	}
	var ver struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(v, &ver); err != nil {
		return nil, "", fmt.Errorf("reading terraform version: %w", err)
	}
	return schema, ver.Version, nil
}

// The input: the part of Terraform's provider schema JSON that is read.
type tfSchemas struct {
	ProviderSchemas map[string]struct {
		ResourceSchemas   map[string]tfSchema `json:"resource_schemas"`
		DataSourceSchemas map[string]tfSchema `json:"data_source_schemas"`
	} `json:"provider_schemas"`
}

type tfSchema struct {
	Block tfBlock `json:"block"`
}

type tfBlock struct {
	Attributes map[string]tfAttribute `json:"attributes"`
	BlockTypes map[string]tfBlockType `json:"block_types"`
}

type tfAttribute struct {
	Type     json.RawMessage `json:"type"`
	Optional bool            `json:"optional"`
	Required bool            `json:"required"`
	Computed bool            `json:"computed"`
}

type tfBlockType struct {
	NestingMode string  `json:"nesting_mode"`
	Block       tfBlock `json:"block"`
	MinItems    int     `json:"min_items"`
	MaxItems    int     `json:"max_items"`
}

// The output, read by analyzer/schema.go, lets a scan decode only the types
// it meets, so that the table can hold every type of the provider without
// slowing every run down:
//
//	line 1   the header, JSON: provider, version, terraform, license, and
//	         the sizes of the index and of the dictionary
//	index    raw DEFLATE of one line per type, in the order of the
//	         entries: "r:TYPE" (resource) or "d:TYPE" (data source), a tab,
//	         the length of its entry
//	dictionary, then the entries
//
// Each entry is the type's compact schema as JSON, compressed on its own
// with raw DEFLATE and the shared dictionary (RFC 1951 with a preset
// dictionary, as compress/flate's NewWriterDict writes it): most of a
// type's schema is names and types that other types repeat.
type header struct {
	Provider   string `json:"provider"`
	Version    string `json:"version"`
	Terraform  string `json:"terraform"`
	License    string `json:"license"`
	Index      int    `json:"index"`
	Dictionary int    `json:"dictionary"`
}

type block struct {
	Attributes map[string]*attribute `json:"a,omitempty"`
	Blocks     map[string]*nested    `json:"b,omitempty"`
}

type attribute struct {
	Type json.RawMessage `json:"t"`
	// Computed marks an attribute only the provider sets (id, arn).
	Computed bool `json:"c,omitempty"`
	// OptionalComputed marks an argument the provider fills in when the
	// configuration leaves it out.
	OptionalComputed bool `json:"oc,omitempty"`
	Required         bool `json:"r,omitempty"`
}

type nested struct {
	Nesting string `json:"m"`
	Min     int    `json:"min,omitempty"`
	Max     int    `json:"max,omitempty"`
	Block   *block `json:"b"`
}

func compact(raw []byte, tfVersion string) ([]byte, error) {
	var in tfSchemas
	if err := json.Unmarshal(raw, &in); err != nil {
		return nil, fmt.Errorf("reading the provider schema: %w", err)
	}
	p, ok := in.ProviderSchemas[providerSource]
	if !ok {
		return nil, fmt.Errorf("the schema has no %s", providerSource)
	}
	type entry struct {
		key  string
		body []byte
	}
	var entries []entry
	add := func(kind string, schemas map[string]tfSchema) error {
		for _, name := range sortedNames(schemas) {
			// encoding/json writes map keys sorted, so the same schema
			// always gives the same bytes.
			b, err := json.Marshal(compactBlock(schemas[name].Block))
			if err != nil {
				return err
			}
			entries = append(entries, entry{kind + ":" + name, b})
		}
		return nil
	}
	if err := add("r", p.ResourceSchemas); err != nil {
		return nil, err
	}
	if err := add("d", p.DataSourceSchemas); err != nil {
		return nil, err
	}
	dict := dictionary(entries, func(e entry) []byte { return e.body })
	var index, blobs bytes.Buffer
	for _, e := range entries {
		c, err := deflate(e.body, dict)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&index, "%s\t%d\n", e.key, len(c))
		blobs.Write(c)
	}
	ix, err := deflate(index.Bytes(), nil)
	if err != nil {
		return nil, err
	}
	h, err := json.Marshal(header{Provider: providerSource, Version: providerVersion, Terraform: tfVersion, License: "MPL-2.0", Index: len(ix), Dictionary: len(dict)})
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Write(h)
	out.WriteByte('\n')
	out.Write(ix)
	out.Write(dict)
	out.Write(blobs.Bytes())
	return out.Bytes(), nil
}

// deflate compresses data with raw DEFLATE and a preset dictionary (none
// when dict is nil).
func deflate(data, dict []byte) ([]byte, error) {
	var c bytes.Buffer
	w, err := flate.NewWriterDict(&c, flate.BestCompression, dict)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return c.Bytes(), nil
}

// dictionary builds the preset dictionary from a sample of the entries:
// every thirteenth, concatenated, the last 32 KiB (the DEFLATE window). The
// sample stands for the names and types that schemas share; it depends on
// the entries alone, so the output is reproducible.
func dictionary[E any](entries []E, body func(E) []byte) []byte {
	const size = 32 << 10
	var sample []byte
	for i := 0; i < len(entries); i += 13 {
		sample = append(sample, body(entries[i])...)
	}
	if len(sample) > size {
		sample = sample[len(sample)-size:]
	}
	return sample
}

func compactBlock(b tfBlock) *block {
	out := &block{}
	if len(b.Attributes) > 0 {
		out.Attributes = map[string]*attribute{}
	}
	for name, a := range b.Attributes {
		if len(a.Type) == 0 {
			// A nested attribute type (protocol 6); the AWS provider has
			// none, and onus reads it as an untyped value.
			a.Type = json.RawMessage(`"dynamic"`)
		}
		out.Attributes[name] = &attribute{
			Type:             a.Type,
			Computed:         a.Computed && !a.Optional && !a.Required,
			OptionalComputed: a.Computed && a.Optional,
			Required:         a.Required,
		}
	}
	if len(b.BlockTypes) > 0 {
		out.Blocks = map[string]*nested{}
	}
	for name, bt := range b.BlockTypes {
		out.Blocks[name] = &nested{Nesting: bt.NestingMode, Min: bt.MinItems, Max: bt.MaxItems, Block: compactBlock(bt.Block)}
	}
	return out
}

func sortedNames[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
