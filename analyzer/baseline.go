package analyzer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"
)

// BaselineVersion is the version of the baseline file format written by
// NewBaseline and accepted by ReadBaseline.
const BaselineVersion = 1

// Baseline records the findings a tree already had, so that a pull-request
// build fails only on what the change introduces. A finding is known by its
// fingerprint (check, resource address, argument path: no line numbers)
// and the directory of its module, so edits that shift lines, reorder
// resources or move one between the files of its module keep it known,
// while the same address in another root module is a different finding.
// Reordered nested blocks, which change the block indexes in the argument
// path, are recognised too (see Apply). The check, resource, file, path and
// message are kept for the people who read the file.
type Baseline struct {
	Version  int             `json:"version"`
	Tool     string          `json:"tool"`
	Findings []BaselineEntry `json:"findings"`
}

// BaselineEntry is one known finding.
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	CheckID     string `json:"check_id"`
	Resource    string `json:"resource"`
	// File is slash-separated and relative to the directory of the
	// baseline file (see NewBaseline), so the baseline works from any
	// working directory.
	File string `json:"file"`
	// Path is the argument inside the resource, and Message what the
	// finding said. Besides helping the reader, they tell apart findings
	// in nested blocks when the blocks are reordered, which changes the
	// block indexes in the path and so the fingerprint.
	Path    string `json:"path,omitempty"`
	Message string `json:"message,omitempty"`
}

// NewBaseline records the live findings of fs. fileKey maps a finding's file
// name (relative to the working directory) to the name stored, normally
// relative to the baseline file's directory; nil keeps names as they are.
// Entries are sorted by file, check, resource and fingerprint, so that the
// file changes only where the findings do.
func NewBaseline(fs []Finding, fileKey func(string) string) *Baseline {
	b := &Baseline{Version: BaselineVersion, Tool: "onus", Findings: []BaselineEntry{}}
	for i := range fs {
		f := &fs[i]
		if f.Suppressed != nil {
			continue
		}
		b.Findings = append(b.Findings, BaselineEntry{
			Fingerprint: f.Fingerprint,
			CheckID:     f.CheckID,
			Resource:    f.Resource,
			File:        mapFile(fileKey, f.Range.Filename),
			Path:        f.Path,
			Message:     f.Message,
		})
	}
	sort.Slice(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		switch {
		case x.File != y.File:
			return x.File < y.File
		case x.CheckID != y.CheckID:
			return x.CheckID < y.CheckID
		case x.Resource != y.Resource:
			return x.Resource < y.Resource
		}
		return x.Fingerprint < y.Fingerprint
	})
	return b
}

func mapFile(fileKey func(string) string, name string) string {
	if fileKey != nil {
		name = fileKey(name)
	}
	return path.Clean(name)
}

// Encode writes the baseline as indented JSON.
func (b *Baseline) Encode(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return fmt.Errorf("encoding baseline: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("writing baseline: %w", err)
	}
	return nil
}

// ReadBaseline reads a baseline written by Encode.
func ReadBaseline(r io.Reader) (*Baseline, error) {
	var b Baseline
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	if b.Version != BaselineVersion {
		return nil, fmt.Errorf("reading baseline: version %d is not supported (want %d); write it again with --baseline-write", b.Version, BaselineVersion)
	}
	for i, e := range b.Findings {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("reading baseline: entry %d has no fingerprint", i+1)
		}
	}
	return &b, nil
}

// blockIndex matches the index of a nested block in an argument path
// ("ingress[1].cidr_blocks"): reordering blocks changes it.
var blockIndex = regexp.MustCompile(`\[[0-9]+\]`)

// baselineTiers are the keys a finding is matched on, most specific
// first. The fingerprint with the message pins a finding exactly; the
// path without block indexes survives blocks being reordered or inserted;
// the message tells apart findings of one check in sibling blocks (port 22
// and port 3389); the last two tiers, without the message, survive a new
// wording of the message in a later onus.
func baselineTiers(fingerprint, check, resource, argPath, dir, message string) [4]string {
	var blocks string
	if argPath != "" {
		blocks = check + "\x00" + resource + "\x00" + blockIndex.ReplaceAllString(argPath, "[]")
	}
	k := func(parts ...string) string {
		for _, p := range parts {
			if p == "" {
				return "" // not enough to match on
			}
		}
		return strings.Join(parts, "\x01")
	}
	return [4]string{
		k("fp", fingerprint, dir, message),
		k("blocks", blocks, dir, message),
		k("fp", fingerprint, dir),
		k("blocks", blocks, dir),
	}
}

// Apply marks the live findings of fs that the baseline knows as suppressed
// with kind "baseline" and the given reason, and returns how many it
// marked. A finding is known by its fingerprint and module directory, or,
// when nested blocks were reordered, by its check, resource, argument path
// without block indexes and message (see baselineTiers). Each entry
// accounts for one finding: should a change add a second finding with the
// same identity, the second is new. fileKey must map file names as it did
// for NewBaseline.
func (b *Baseline) Apply(fs []Finding, fileKey func(string) string, reason string) int {
	used := make([]bool, len(b.Findings))
	var index [4]map[string][]int
	for t := range index {
		index[t] = map[string][]int{}
	}
	for i, e := range b.Findings {
		keys := baselineTiers(e.Fingerprint, e.CheckID, e.Resource, e.Path, path.Dir(path.Clean(e.File)), e.Message)
		for t, k := range keys {
			if k != "" {
				index[t][k] = append(index[t][k], i)
			}
		}
	}
	// take consumes the first unused entry under key k of tier t.
	take := func(t int, k string) bool {
		for _, i := range index[t][k] {
			if !used[i] {
				used[i] = true
				return true
			}
		}
		return false
	}
	marked := 0
	for t := range index {
		for i := range fs {
			f := &fs[i]
			if f.Suppressed != nil {
				continue
			}
			k := baselineTiers(f.Fingerprint, f.CheckID, f.Resource, f.Path, path.Dir(mapFile(fileKey, f.Range.Filename)), f.Message)[t]
			if k == "" || !take(t, k) {
				continue
			}
			f.Suppressed = &Suppression{Kind: "baseline", Reason: reason}
			marked++
		}
	}
	return marked
}
