package checks

import (
	"strconv"
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// The S3 resource types the S3 checks read. Since AWS provider v4 (February
// 2022) each bucket setting has its own resource that names the bucket in its
// `bucket` argument; the older inline arguments of aws_s3_bucket still work in
// v5 (deprecated), so every check reads both forms.
const (
	typeS3Bucket                   = "aws_s3_bucket"
	typeS3BucketACL                = "aws_s3_bucket_acl"
	typeS3BucketPolicy             = "aws_s3_bucket_policy"
	typeS3BucketPublicAccessBlock  = "aws_s3_bucket_public_access_block"
	typeS3AccountPublicAccessBlock = "aws_s3_account_public_access_block"
	typeS3BucketOwnershipControls  = "aws_s3_bucket_ownership_controls"
	typeS3BucketVersioning         = "aws_s3_bucket_versioning"
	typeS3BucketSSE                = "aws_s3_bucket_server_side_encryption_configuration"
	typeS3BucketLogging            = "aws_s3_bucket_logging"
	// typeS3DataBucket is the data source that looks a bucket up by name.
	typeS3DataBucket = "aws_s3_bucket"
)

// bucketLink says how sure we are that two S3 arguments designate the same
// bucket.
type bucketLink int

const (
	// linkNone: they certainly designate different buckets (or nothing).
	linkNone bucketLink = iota
	// linkMaybe: they might; an unknown value or an ambiguous reference
	// stands in the way. A missing setting is then not reported, because
	// unknown never produces a finding.
	linkMaybe
	// linkSure: they designate the same bucket.
	linkSure
)

// bucketTarget is what an S3 argument says about the bucket it designates:
// the aws_s3_bucket instances it was derived from and the bucket name when
// that is known.
type bucketTarget struct {
	// addrs are the full addresses of the aws_s3_bucket instances the value
	// was derived from (`aws_s3_bucket.b.id`, `.bucket`, `.arn`, through
	// locals and module outputs). An address may lack the instance key when
	// a whole resource was referenced.
	addrs []string
	// keyUnknown is set on a bucket whose count or for_each is unknown.
	keyUnknown bool
	// name is the bucket name, valid when named.
	name  string
	named bool
	// nameUnknown is set when a name is given but unknown at scan time (a
	// variable with no value): it may equal any literal.
	nameUnknown bool
	// open is set when nothing can be said: an unknown value derived from
	// no bucket. It may designate any bucket.
	open bool
}

// targetOfBucket describes an aws_s3_bucket instance as a target, so that it
// can be related to the arguments of split resources.
func targetOfBucket(r *analyzer.Resource) bucketTarget {
	t := bucketTarget{addrs: []string{r.Address}, keyUnknown: r.KeyUnknown}
	if a := r.Attr("bucket"); a != nil {
		// Read without recording an unknown read: a name only links
		// resources, and whether an unknown one matters is for the check
		// that relies on the link to say (s3Links.governing).
		if name, ok := analyzer.StringValue(a.Value); ok {
			t.name, t.named = name, true
		} else {
			t.nameUnknown = true
		}
	}
	// A bucket with no `bucket` argument gets a unique generated name
	// (bucket_prefix plus a timestamp), which no literal elsewhere can know.
	return t
}

// targetOfAttr describes the bucket an argument such as `bucket` of a split
// resource, or `target_bucket` of a logging configuration, designates. A nil
// attribute designates nothing.
func targetOfAttr(p *analyzer.Pass, a *analyzer.Attribute) bucketTarget {
	if a == nil {
		return bucketTarget{}
	}
	var t bucketTarget
	var dataNames []*analyzer.Resource
	for _, ref := range a.Refs {
		if isBucketAddress(p, ref.Address) {
			t.addrs = appendUniqueAddr(t.addrs, ref.Address)
			continue
		}
		if r := p.Lookup(ref.Address); r != nil && r.Mode == analyzer.Data && r.Type == typeS3DataBucket {
			dataNames = append(dataNames, r)
		}
	}
	if len(t.addrs) > 0 {
		if len(t.addrs) == 1 {
			if b := p.Lookup(t.addrs[0]); b != nil {
				bt := targetOfBucket(b)
				t.name, t.named, t.nameUnknown = bt.name, bt.named, bt.nameUnknown
			}
		}
		return t
	}
	if s, ok := analyzer.StringValue(a.Value); ok {
		t.name, t.named = bucketNameOf(s), true
		return t
	}
	// `bucket = data.aws_s3_bucket.x.id` names the bucket the data source
	// looks up; its own `bucket` argument carries the name.
	if len(dataNames) == 1 {
		if s, ok := quietString(dataNames[0].Attr("bucket")); ok {
			t.name, t.named = bucketNameOf(s), true
			return t
		}
	}
	t.open = true
	return t
}

// isBucketAddress reports whether a referenced address is that of a managed
// aws_s3_bucket, with or without module path and instance key.
func isBucketAddress(p *analyzer.Pass, addr string) bool {
	if r := p.Lookup(addr); r != nil {
		return r.Mode == analyzer.Managed && r.Type == typeS3Bucket
	}
	return resourceTypeOfAddress(addr) == typeS3Bucket
}

// resourceTypeOfAddress returns the resource type named by an address such as
// `module.a["x.y"].aws_s3_bucket.b["k"]`, or "" for a data source or
// something else. Module and resource names cannot contain dots, but keys can,
// so the address is read after the last closing bracket of a module key.
func resourceTypeOfAddress(addr string) string {
	base, _ := instanceBaseAddress(addr)
	tail := base
	if i := strings.LastIndex(base, "]"); i >= 0 {
		tail = base[i+1:]
	}
	parts := strings.Split(strings.TrimPrefix(tail, "."), ".")
	if len(parts) < 2 {
		return ""
	}
	if len(parts) >= 3 && parts[len(parts)-3] == "data" {
		return ""
	}
	return parts[len(parts)-2]
}

// bucketNameOf accepts a bucket name or a bucket ARN and returns the name.
func bucketNameOf(s string) string {
	if i := strings.Index(s, ":s3:::"); i >= 0 && strings.HasPrefix(s, "arn:") {
		s = s[i+len(":s3:::"):]
	}
	return strings.TrimSuffix(s, "/*")
}

// appendUniqueAddr appends s to list unless it is there already.
func appendUniqueAddr(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// instanceBaseAddress strips the instance key from the last step of an
// address: `module.m.aws_s3_bucket.b["k"]` → `module.m.aws_s3_bucket.b`.
func instanceBaseAddress(addr string) (base string, hasKey bool) {
	if !strings.HasSuffix(addr, "]") {
		return addr, false
	}
	// The key is the last bracket group: a number or a quoted string, which
	// may itself contain brackets.
	inQuote := false
	for i := len(addr) - 2; i >= 0; i-- {
		switch addr[i] {
		case '"':
			if i == 0 || addr[i-1] != '\\' {
				inQuote = !inQuote
			}
		case '[':
			if !inQuote {
				return addr[:i], true
			}
		}
	}
	return addr, false
}

// relateBucketAddrs relates two addresses of bucket instances: equal, or the
// same resource where one side lacks or does not know the instance key.
func relateBucketAddrs(a, b string, aKeyUnknown, bKeyUnknown bool) bucketLink {
	if a == b {
		return linkSure
	}
	ab, aKey := instanceBaseAddress(a)
	bb, bKey := instanceBaseAddress(b)
	if ab != bb {
		return linkNone
	}
	if !aKey || !bKey || aKeyUnknown || bKeyUnknown {
		return linkMaybe
	}
	return linkNone
}

// relateBuckets says whether two targets designate the same bucket. It is the
// one answer to "does this split resource point at that bucket", whatever
// form the link takes: a reference to the bucket's id, bucket or arn (through
// locals, module inputs and outputs), or the same literal bucket name.
func relateBuckets(a, b bucketTarget) bucketLink {
	if a.open || b.open {
		return linkMaybe
	}
	if len(a.addrs) > 0 && len(b.addrs) > 0 {
		best := linkNone
		for _, x := range a.addrs {
			for _, y := range b.addrs {
				if l := relateBucketAddrs(x, y, a.keyUnknown, b.keyUnknown); l > best {
					best = l
				}
			}
		}
		// A value derived from several buckets (a conditional) designates
		// only one of them: we cannot say which.
		if best == linkSure && (len(a.addrs) > 1 || len(b.addrs) > 1) {
			best = linkMaybe
		}
		return best
	}
	switch {
	case a.named && b.named:
		if a.name == b.name {
			return linkSure
		}
		return linkNone
	case (a.named || a.nameUnknown) && (b.named || b.nameUnknown):
		return linkMaybe
	}
	return linkNone
}

// s3Links answers, for one pass, which resources of the split S3 types point
// at a bucket. Targets are computed once per resource.
type s3Links struct {
	p       *analyzer.Pass
	targets map[*analyzer.Resource]bucketTarget
	// indexes file split resources by the bucket they designate, per set
	// of types (s3_index.go).
	indexes map[string]*splitIndex
}

func newS3Links(p *analyzer.Pass) *s3Links {
	return &s3Links{p: p, targets: map[*analyzer.Resource]bucketTarget{}}
}

// target returns the bucket a resource designates: itself for a bucket, its
// `bucket` argument for a split resource.
func (l *s3Links) target(r *analyzer.Resource) bucketTarget {
	if t, ok := l.targets[r]; ok {
		return t
	}
	var t bucketTarget
	if r.Type == typeS3Bucket && r.Mode == analyzer.Managed {
		t = targetOfBucket(r)
	} else {
		t = targetOfAttr(l.p, r.Attr("bucket"))
	}
	l.targets[r] = t
	return t
}

// pointingAt returns the resources of the given split types that point, or may
// point, at the bucket designated by t.
func (l *s3Links) pointingAt(t bucketTarget, types ...string) (linked []*analyzer.Resource) {
	for _, x := range l.candidates(t, types...) {
		if relateBuckets(l.target(x), t) != linkNone {
			linked = append(linked, x)
		}
	}
	return linked
}

// of returns the resources of the given split types that point, or may point,
// at bucket r.
func (l *s3Links) of(r *analyzer.Resource, types ...string) []*analyzer.Resource {
	return l.pointingAt(l.target(r), types...)
}

// governing returns the resources of the given split types that point, or
// may point, at bucket b, as s3Links.of does. When none is sure to, and some
// may, the check cannot tell whether b is governed: it records an unknown
// control on b naming them, so that b shows as unknown rather than pass.
func (l *s3Links) governing(b *analyzer.Resource, types ...string) []*analyzer.Resource {
	t := l.target(b)
	var linked []*analyzer.Resource
	var maybe []string
	sure := false
	for _, x := range l.candidates(t, types...) {
		switch relateBuckets(l.target(x), t) {
		case linkSure:
			sure = true
			linked = append(linked, x)
		case linkMaybe:
			maybe = append(maybe, x.Address)
			linked = append(linked, x)
		}
	}
	if !sure && len(maybe) > 0 {
		l.p.NoteUnknown(b, "whether "+strings.Join(maybe, ", ")+" applies to this bucket")
	}
	return linked
}

// surelyLinked reports whether split resource x certainly points at bucket b.
func (l *s3Links) surelyLinked(x, b *analyzer.Resource) bool {
	return relateBuckets(l.target(x), l.target(b)) == linkSure
}

// quietString reads a string argument without recording an unknown read,
// for values that only identify something (a name, a key ID): the check
// that relies on them says whether an unknown one matters.
func quietString(a *analyzer.Attribute) (string, bool) {
	if a == nil {
		return "", false
	}
	return analyzer.StringValue(a.Value)
}

// accountBlocks returns the account-level public access blocks of the
// configuration. They apply to every bucket of the account, whatever the
// bucket's own settings (the most restrictive combination wins).
func accountBlocks(p *analyzer.Pass) []*analyzer.Resource {
	return p.Resources(typeS3AccountPublicAccessBlock)
}

// blockSettingOn reports whether a public access block may have the named
// setting on: true or unknown. The four settings default to false in the AWS
// provider (checked against the provider docs, 2026-12).
func blockSettingOn(r *analyzer.Resource, name string) bool {
	v, known := r.BoolOr(name, false)
	return v || !known
}

// publicAccessSettingOn reports whether the named Block Public Access setting
// is, or may be, on for the bucket designated by t: at bucket level or at
// account level.
func (l *s3Links) publicAccessSettingOn(t bucketTarget, name string) bool {
	on, _ := l.publicAccessSetting(t, name)
	return on != triNo
}

// publicAccessSetting says whether the named Block Public Access setting is
// on for the bucket designated by t: yes when an account block, or a block
// surely pointing at the bucket, sets it true; maybe when a setting is
// unknown or the block may point elsewhere (why names it); no otherwise.
func (l *s3Links) publicAccessSetting(t bucketTarget, name string) (on tri, why string) {
	on = triNo
	consider := func(b *analyzer.Resource, sure bool) {
		v, known := b.BoolOr(name, false)
		switch {
		case known && v && sure:
			on = triYes
		case (v || !known) && on == triNo:
			on, why = triMaybe, name+" of "+b.Address
		}
	}
	for _, b := range accountBlocks(l.p) {
		consider(b, true)
	}
	for _, b := range l.pointingAt(t, typeS3BucketPublicAccessBlock) {
		consider(b, relateBuckets(l.target(b), t) == linkSure)
	}
	return on, why
}

// aclsDisabled reports whether the bucket designated by t has, or may have,
// object ownership BucketOwnerEnforced set in this configuration. With that
// setting ACLs are disabled and "no longer affect permissions"; S3 rejects
// requests that set any other ACL with AccessControlListNotSupported (S3 User
// Guide, "Controlling ownership of objects and disabling ACLs", checked
// 2026-12).
func (l *s3Links) aclsDisabled(t bucketTarget) bool {
	off, _ := l.aclsOff(t)
	return off != triNo
}

// aclsOff says whether object ownership BucketOwnerEnforced disables ACLs on
// the bucket designated by t: yes when an ownership control surely pointing
// at it says so, maybe when one only may point at it or its setting is
// unknown (why names it), no otherwise.
func (l *s3Links) aclsOff(t bucketTarget) (off tri, why string) {
	off = triNo
	for _, oc := range l.pointingAt(t, typeS3BucketOwnershipControls) {
		sure := relateBuckets(l.target(oc), t) == linkSure
		if oc.Body.HasUnknownBlocks("rule") {
			off, why = triMaybe, "rule of "+oc.Address
			continue
		}
		for _, rule := range oc.Body.BlocksOf("rule") {
			v, known := rule.StringOr("object_ownership", "")
			switch {
			case known && v == "BucketOwnerEnforced" && sure:
				return triYes, ""
			case !known || v == "BucketOwnerEnforced":
				off, why = triMaybe, "object_ownership of "+oc.Address
			}
		}
	}
	return off, why
}

// aclGroup is one of the two S3 predefined groups that make an ACL grant
// public.
type aclGroup string

const (
	// allUsers is anyone, signed or anonymous.
	allUsers aclGroup = "AllUsers"
	// authenticatedUsers is anyone with an AWS account, in any account.
	authenticatedUsers aclGroup = "AuthenticatedUsers"
)

// who says in words who a public group is.
func (g aclGroup) who() string {
	if g == authenticatedUsers {
		return "anyone with an AWS account (AuthenticatedUsers)"
	}
	return "anyone on the internet (AllUsers)"
}

// publicGroupURI reports which public group a grantee URI names. S3 names
// them http://acs.amazonaws.com/groups/global/AllUsers and
// .../AuthenticatedUsers; the LogDelivery group (groups/s3/LogDelivery) is
// not public.
func publicGroupURI(uri string) (aclGroup, bool) {
	u := strings.ToLower(strings.TrimSpace(uri))
	u = strings.TrimPrefix(u, "http://")
	u = strings.TrimPrefix(u, "https://")
	u = strings.TrimSuffix(u, "/")
	switch u {
	case "acs.amazonaws.com/groups/global/allusers":
		return allUsers, true
	case "acs.amazonaws.com/groups/global/authenticatedusers":
		return authenticatedUsers, true
	}
	return "", false
}

// publicCannedACL reports what a canned ACL grants to a public group, per
// the S3 canned ACL table: public-read gives AllUsers READ,
// public-read-write gives AllUsers READ and WRITE, authenticated-read gives
// AuthenticatedUsers READ. The other canned ACLs (private, aws-exec-read,
// bucket-owner-read, bucket-owner-full-control, log-delivery-write) grant
// nothing to the public.
func publicCannedACL(acl string) (aclGroup, []string, bool) {
	switch acl {
	case "public-read":
		return allUsers, []string{"READ"}, true
	case "public-read-write":
		return allUsers, []string{"READ", "WRITE"}, true
	case "authenticated-read":
		return authenticatedUsers, []string{"READ"}, true
	}
	return "", nil, false
}

// aclPermissionMeaning says what an ACL permission on a bucket lets the
// grantee do.
func aclPermissionMeaning(perm string) string {
	switch strings.ToUpper(perm) {
	case "READ":
		return "list every object"
	case "WRITE":
		return "create, overwrite and delete objects"
	case "READ_ACP":
		return "read the bucket ACL"
	case "WRITE_ACP":
		return "rewrite the bucket ACL"
	case "FULL_CONTROL":
		return "list, write and re-grant the bucket"
	}
	return "use the bucket"
}

// describePermissions joins the meanings of ACL permissions for a message.
func describePermissions(perms []string) string {
	var parts []string
	for _, p := range perms {
		m := aclPermissionMeaning(p)
		dup := false
		for _, x := range parts {
			if x == m {
				dup = true
			}
		}
		if !dup {
			parts = append(parts, m)
		}
	}
	switch len(parts) {
	case 0:
		return aclPermissionMeaning("")
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// transportDenial says whether a policy statement is a Deny that refuses
// requests not made over TLS, or over TLS older than 1.2:
//
//   - "Bool" (or "BoolIfExists") on aws:SecureTransport = false, the form the
//     S3 User Guide and CIS AWS Foundations 2.1.1 give for enforcing HTTPS;
//   - "NumericLessThan" on s3:TlsVersion with a value of at least 1.2 (or
//     "NumericLessThanEquals" with at least 1.1), which the catalogue
//     accepts as well.
//
// A statement that also requires aws:SecureTransport = true denies nothing
// sent over plain HTTP (AWS re:Post "s3-enforce-modern-tls" shows it as the
// way to keep HTTP working) and does not count. Other conditions on the same
// statement are not weighed: the check prefers missing a weak Deny to
// flagging a bucket that has one.
//
// known is false when the statement may be such a Deny but cannot be read.
func transportDenial(s *policyStatement) (denies, known bool) {
	if !s.EffectKnown {
		return false, false
	}
	if s.Effect != "Deny" {
		return false, true
	}
	found, requiresTLS := false, false
	for _, c := range s.Conditions {
		op := strings.ToLower(c.Operator)
		switch strings.ToLower(c.Key) {
		case "aws:securetransport":
			if op != "bool" && op != "boolifexists" {
				continue
			}
			for _, v := range c.Values.texts() {
				switch strings.ToLower(v) {
				case "false":
					found = true
				case "true":
					requiresTLS = true
				}
			}
		case "s3:tlsversion":
			for _, v := range c.Values.texts() {
				if tlsFloorDenied(op, v) {
					found = true
				}
			}
		}
	}
	if found && !requiresTLS {
		return true, true
	}
	// An unreadable condition may be the one that denies plain HTTP.
	return false, s.ConditionsKnown
}

// tlsFloorDenied reports whether a numeric condition on s3:TlsVersion denies
// every TLS version below 1.2 (TLS versions are 1.0, 1.1, 1.2, 1.3).
func tlsFloorDenied(op, value string) bool {
	v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
	if err != nil {
		return false
	}
	switch strings.TrimSuffix(op, "ifexists") {
	case "numericlessthan":
		return v >= 1.2
	case "numericlessthanequals":
		return v >= 1.1
	}
	return false
}

// policyDeniesInsecureTransport says whether a bucket policy denies requests
// that are not made over TLS. known is false when the policy cannot be read
// wholly, so that its absence of such a Deny is not proven.
func policyDeniesInsecureTransport(doc *policyDocument) (denies, known bool) {
	if doc == nil {
		return false, true
	}
	known = doc.Complete
	for _, s := range doc.Statements {
		d, k := transportDenial(s)
		if d {
			return true, true
		}
		if !k {
			known = false
		}
	}
	return false, known
}
