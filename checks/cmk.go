package checks

import (
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// The encryption-at-rest checks share one question: does an argument that
// names a KMS key name one the user controls? AWS-managed keys are named by
// aliases under alias/aws/ (alias/aws/s3, alias/aws/dynamodb, alias/aws/ecr,
// ...): AWS creates them per account and region, writes their key policy and
// rotates them yearly, and the user can neither narrow nor revoke their use
// (AWS KMS Developer Guide, "AWS managed keys", verified 2026-12-02). A key id
// or key ARN cannot be told from a customer key's without asking KMS, so only
// the alias forms are recognised.

// keyUse is what an argument naming a KMS key says about key control.
type keyUse int

const (
	// keyNone: the argument is absent, null or empty, so the service falls
	// back to its own default (no encryption, or a key AWS owns or manages,
	// depending on the service).
	keyNone keyUse = iota
	// keyAWSManaged: the argument names an AWS-managed key by its alias.
	keyAWSManaged
	// keyCustomer: the argument names some other key, or a key onus cannot
	// see (aws_kms_key.x.arn is unknown until apply): treated as the user's.
	keyCustomer
)

// kmsKeyUse reads an argument that names a KMS key (an id, ARN, alias or
// alias ARN).
func kmsKeyUse(a *analyzer.Attribute) keyUse {
	if a == nil {
		return keyNone
	}
	s, known := a.String()
	switch {
	case !known:
		return keyCustomer
	case strings.TrimSpace(s) == "":
		return keyNone
	case isAWSManagedKeyAlias(s):
		return keyAWSManaged
	}
	return keyCustomer
}

// isAWSManagedKeyAlias reports whether a key reference is the alias of an
// AWS-managed key, `alias/aws/<service>` or its ARN form
// `arn:<partition>:kms:<region>:<account>:alias/aws/<service>`.
func isAWSManagedKeyAlias(key string) bool {
	key = strings.TrimSpace(key)
	if i := strings.Index(key, ":alias/"); i >= 0 && strings.HasPrefix(key, "arn:") {
		key = key[i+1:]
	}
	return strings.HasPrefix(key, "alias/aws/") && len(key) > len("alias/aws/")
}
