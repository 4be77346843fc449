package checks

import (
	"testing"
)

func TestS3RelateBuckets(t *testing.T) {
	bucket := func(addr, name string) bucketTarget {
		return bucketTarget{addrs: []string{addr}, name: name, named: name != ""}
	}
	tests := []struct {
		name string
		a, b bucketTarget
		want bucketLink
	}{
		{"same reference", bucketTarget{addrs: []string{"aws_s3_bucket.b"}}, bucket("aws_s3_bucket.b", "logs"), linkSure},
		{"other reference", bucketTarget{addrs: []string{"aws_s3_bucket.a"}}, bucket("aws_s3_bucket.b", "logs"), linkNone},
		{"reference in a module", bucketTarget{addrs: []string{"module.m.aws_s3_bucket.this"}}, bucket("module.m.aws_s3_bucket.this", ""), linkSure},
		{"same key", bucketTarget{addrs: []string{`aws_s3_bucket.b["x"]`}}, bucket(`aws_s3_bucket.b["x"]`, ""), linkSure},
		{"other key", bucketTarget{addrs: []string{`aws_s3_bucket.b["x"]`}}, bucket(`aws_s3_bucket.b["y"]`, ""), linkNone},
		{"whole resource", bucketTarget{addrs: []string{"aws_s3_bucket.b"}}, bucket(`aws_s3_bucket.b["y"]`, ""), linkMaybe},
		{"unknown key", bucketTarget{addrs: []string{`aws_s3_bucket.b["x"]`}}, bucketTarget{addrs: []string{`aws_s3_bucket.b["y"]`}, keyUnknown: true}, linkMaybe},
		{"conditional over two buckets", bucketTarget{addrs: []string{"aws_s3_bucket.a", "aws_s3_bucket.b"}}, bucket("aws_s3_bucket.b", ""), linkMaybe},
		{"same literal name", bucketTarget{name: "logs", named: true}, bucket("aws_s3_bucket.b", "logs"), linkSure},
		{"other literal name", bucketTarget{name: "data", named: true}, bucket("aws_s3_bucket.b", "logs"), linkNone},
		{"literal against unknown name", bucketTarget{name: "logs", named: true}, bucketTarget{addrs: []string{"aws_s3_bucket.b"}, nameUnknown: true}, linkMaybe},
		{"literal against generated name", bucketTarget{name: "logs", named: true}, bucket("aws_s3_bucket.b", ""), linkNone},
		{"reference resolved to a name", bucketTarget{addrs: []string{"aws_s3_bucket.a"}, name: "logs", named: true}, bucketTarget{name: "logs", named: true}, linkSure},
		{"open", bucketTarget{open: true}, bucket("aws_s3_bucket.b", "logs"), linkMaybe},
		{"nothing", bucketTarget{}, bucket("aws_s3_bucket.b", "logs"), linkNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := relateBuckets(tt.a, tt.b); got != tt.want {
				t.Errorf("relate = %v, want %v", got, tt.want)
			}
			if got := relateBuckets(tt.b, tt.a); got != tt.want {
				t.Errorf("relate (swapped) = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestS3ResourceTypeOfAddress(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"aws_s3_bucket.b", "aws_s3_bucket"},
		{`aws_s3_bucket.b["a.b"]`, "aws_s3_bucket"},
		{`module.m["x.y"].aws_s3_bucket.b[0]`, "aws_s3_bucket"},
		{"module.a.module.b.aws_s3_bucket_policy.p", "aws_s3_bucket_policy"},
		{"data.aws_s3_bucket.b", ""},
		{"module.m.data.aws_s3_bucket.b", ""},
		{"var", ""},
	}
	for _, tt := range tests {
		if got := resourceTypeOfAddress(tt.addr); got != tt.want {
			t.Errorf("resourceTypeOfAddress(%q) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}

func TestS3InstanceBaseAddress(t *testing.T) {
	tests := []struct {
		addr, base string
		key        bool
	}{
		{"aws_s3_bucket.b", "aws_s3_bucket.b", false},
		{"aws_s3_bucket.b[0]", "aws_s3_bucket.b", true},
		{`aws_s3_bucket.b["a[1]"]`, "aws_s3_bucket.b", true},
		{`module.m["k"].aws_s3_bucket.b`, `module.m["k"].aws_s3_bucket.b`, false},
	}
	for _, tt := range tests {
		base, key := instanceBaseAddress(tt.addr)
		if base != tt.base || key != tt.key {
			t.Errorf("instanceBaseAddress(%q) = %q, %v; want %q, %v", tt.addr, base, key, tt.base, tt.key)
		}
	}
}

func TestS3BucketNameOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"logs", "logs"},
		{"arn:aws:s3:::logs", "logs"},
		{"arn:aws-us-gov:s3:::logs/*", "logs"},
	}
	for _, tt := range tests {
		if got := bucketNameOf(tt.in); got != tt.want {
			t.Errorf("bucketNameOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestS3PublicGroupURI(t *testing.T) {
	tests := []struct {
		uri  string
		want aclGroup
		ok   bool
	}{
		{"http://acs.amazonaws.com/groups/global/AllUsers", allUsers, true},
		{"https://acs.amazonaws.com/groups/global/allusers/", allUsers, true},
		{"http://acs.amazonaws.com/groups/global/AuthenticatedUsers", authenticatedUsers, true},
		{"http://acs.amazonaws.com/groups/s3/LogDelivery", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := publicGroupURI(tt.uri)
		if got != tt.want || ok != tt.ok {
			t.Errorf("publicGroupURI(%q) = %q, %v; want %q, %v", tt.uri, got, ok, tt.want, tt.ok)
		}
	}
}

func TestS3PublicCannedACL(t *testing.T) {
	tests := []struct {
		acl   string
		group aclGroup
		perms string
		ok    bool
	}{
		{"public-read", allUsers, "list every object", true},
		{"public-read-write", allUsers, "list every object and create, overwrite and delete objects", true},
		{"authenticated-read", authenticatedUsers, "list every object", true},
		{"private", "", "", false},
		{"log-delivery-write", "", "", false},
		{"aws-exec-read", "", "", false},
		{"bucket-owner-full-control", "", "", false},
	}
	for _, tt := range tests {
		g, perms, ok := publicCannedACL(tt.acl)
		if g != tt.group || ok != tt.ok || (ok && describePermissions(perms) != tt.perms) {
			t.Errorf("publicCannedACL(%q) = %q, %v, %v; want %q, %q, %v", tt.acl, g, perms, ok, tt.group, tt.perms, tt.ok)
		}
	}
}

func TestS3IsAWSManagedKey(t *testing.T) {
	tests := []struct {
		key  string
		want bool
	}{
		{"alias/aws/s3", true},
		{"arn:aws:kms:eu-west-1:111122223333:alias/aws/s3", true},
		{"alias/app-data", false},
		{"arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", false},
	}
	for _, tt := range tests {
		if got := isAWSManagedS3Key(tt.key); got != tt.want {
			t.Errorf("isAWSManagedS3Key(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}

func TestS3TransportDenial(t *testing.T) {
	values := func(vs ...string) policyValues {
		pv := policyValues{Present: true, Known: true}
		for _, v := range vs {
			pv.Items = append(pv.Items, policyValue{Text: v})
		}
		return pv
	}
	cond := func(op, key string, vs ...string) policyCondition {
		return policyCondition{Operator: op, Key: key, Values: values(vs...)}
	}
	stmt := func(effect string, conds ...policyCondition) *policyStatement {
		return &policyStatement{Effect: effect, EffectKnown: true, Conditions: conds, ConditionsKnown: true}
	}
	tests := []struct {
		name          string
		s             *policyStatement
		denies, known bool
	}{
		{"deny secure transport false", stmt("Deny", cond("Bool", "aws:SecureTransport", "false")), true, true},
		{"key and value in other case", stmt("Deny", cond("bool", "AWS:securetransport", "False")), true, true},
		{"BoolIfExists", stmt("Deny", cond("BoolIfExists", "aws:SecureTransport", "false")), true, true},
		{"allow is no denial", stmt("Allow", cond("Bool", "aws:SecureTransport", "false")), false, true},
		{"deny of HTTPS", stmt("Deny", cond("Bool", "aws:SecureTransport", "true")), false, true},
		{"TLS floor 1.2", stmt("Deny", cond("NumericLessThan", "s3:TlsVersion", "1.2")), true, true},
		{"TLS floor 1.3", stmt("Deny", cond("NumericLessThan", "s3:TlsVersion", "1.3")), true, true},
		{"TLS floor 1.1 only", stmt("Deny", cond("NumericLessThan", "s3:TlsVersion", "1.1")), false, true},
		{"TLS at most 1.1", stmt("Deny", cond("NumericLessThanEquals", "s3:TlsVersion", "1.1")), true, true},
		{"TLS floor but HTTP allowed", stmt("Deny", cond("Bool", "aws:SecureTransport", "true"), cond("NumericLessThan", "s3:TlsVersion", "1.2")), false, true},
		{"other condition", stmt("Deny", cond("StringNotEquals", "aws:SourceVpce", "vpce-1")), false, true},
		{"unknown effect", &policyStatement{ConditionsKnown: true}, false, false},
		{"deny with unreadable conditions", &policyStatement{Effect: "Deny", EffectKnown: true}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, k := transportDenial(tt.s)
			if d != tt.denies || k != tt.known {
				t.Errorf("transportDenial = %v, %v; want %v, %v", d, k, tt.denies, tt.known)
			}
		})
	}
}

func TestS3PolicyDeniesInsecureTransport(t *testing.T) {
	deny := &policyStatement{Effect: "Deny", EffectKnown: true, ConditionsKnown: true, Conditions: []policyCondition{{
		Operator: "Bool", Key: "aws:SecureTransport",
		Values: policyValues{Present: true, Known: true, Items: []policyValue{{Text: "false"}}},
	}}}
	allow := &policyStatement{Effect: "Allow", EffectKnown: true, ConditionsKnown: true}
	tests := []struct {
		name          string
		doc           *policyDocument
		denies, known bool
	}{
		{"no policy", nil, false, true},
		{"allow only", &policyDocument{Complete: true, Statements: []*policyStatement{allow}}, false, true},
		{"with the deny", &policyDocument{Complete: true, Statements: []*policyStatement{allow, deny}}, true, true},
		{"incomplete", &policyDocument{Statements: []*policyStatement{allow}}, false, false},
		{"incomplete but denied", &policyDocument{Statements: []*policyStatement{deny}}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, k := policyDeniesInsecureTransport(tt.doc)
			if d != tt.denies || k != tt.known {
				t.Errorf("policyDeniesInsecureTransport = %v, %v; want %v, %v", d, k, tt.denies, tt.known)
			}
		})
	}
}
