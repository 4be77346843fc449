package checks

import (
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/onus-sec/onus/analyzer"
)

func TestIsAWSManagedKeyAlias(t *testing.T) {
	tests := []struct {
		key  string
		want bool
	}{
		{"alias/aws/s3", true},
		{"alias/aws/dynamodb", true},
		{"arn:aws:kms:eu-west-1:111122223333:alias/aws/ecr", true},
		{"arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/sns", true},
		{"alias/aws/", false},
		{"alias/app", false},
		{"alias/awsome", false},
		{"arn:aws:kms:eu-west-1:111122223333:alias/app", false},
		{"arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", false},
		{"1234abcd-12ab-34cd-56ef-1234567890ab", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isAWSManagedKeyAlias(tt.key); got != tt.want {
			t.Errorf("isAWSManagedKeyAlias(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}

func TestKMSKeyUse(t *testing.T) {
	tests := []struct {
		name string
		attr *analyzer.Attribute
		want keyUse
	}{
		{"absent", nil, keyNone},
		{"empty", &analyzer.Attribute{Value: cty.StringVal(" ")}, keyNone},
		{"AWS-managed", &analyzer.Attribute{Value: cty.StringVal("alias/aws/sqs")}, keyAWSManaged},
		{"customer key", &analyzer.Attribute{Value: cty.StringVal("alias/orders")}, keyCustomer},
		{"unknown", &analyzer.Attribute{Value: cty.UnknownVal(cty.String)}, keyCustomer},
	}
	for _, tt := range tests {
		if got := kmsKeyUse(tt.attr); got != tt.want {
			t.Errorf("%s: kmsKeyUse = %v, want %v", tt.name, got, tt.want)
		}
	}
}
