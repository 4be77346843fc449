package analyzer

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// jsonRootProblems checks what the HCL JSON parser accepts but Terraform
// rejects: a .tf.json file whose root is an array must hold only objects,
// each one a set of arguments and blocks. Terraform 1.11 fails such a file
// with "Incorrect JSON value type" (checked with terraform validate on
// [1, 2, 3]); an empty array, or an array of objects, is valid. Only the
// first offending element is reported. src must already be valid JSON.
func jsonRootProblems(src []byte, name string) hcl.Diagnostics {
	start := skipJSONSpace(src, 0)
	if start >= len(src) || src[start] != '[' {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	if _, err := dec.Token(); err != nil {
		return nil
	}
	for index := 0; dec.More(); index++ {
		at := skipJSONSpace(src, int(dec.InputOffset()))
		var elem json.RawMessage
		if err := dec.Decode(&elem); err != nil {
			return nil
		}
		if len(elem) > 0 && elem[0] == '{' {
			continue
		}
		pos := bytePos(src, at)
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Incorrect JSON value type",
			Detail: fmt.Sprintf("%s: element %d of the root array is %s, not an object; every element must be an object of arguments and blocks, and Terraform rejects the file.",
				name, index, jsonKind(elem)),
			Subject: &hcl.Range{Filename: name, Start: pos, End: pos},
		}}
	}
	return nil
}

// skipJSONSpace returns the offset of the first byte at or after i that is
// neither JSON white space nor the comma between array elements.
func skipJSONSpace(src []byte, i int) int {
	for i < len(src) {
		switch src[i] {
		case ' ', '\t', '\r', '\n', ',':
			i++
		default:
			return i
		}
	}
	return i
}

// bytePos turns a byte offset into an HCL position (columns count bytes,
// which is exact for the ASCII that starts a JSON value).
func bytePos(src []byte, off int) hcl.Pos {
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(src[:off], '\n')
	return hcl.Pos{Line: line, Column: col, Byte: off}
}

func jsonKind(raw json.RawMessage) string {
	if len(raw) == 0 {
		return "empty"
	}
	switch raw[0] {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}
