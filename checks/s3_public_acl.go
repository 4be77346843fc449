package checks

import (
	"github.com/onus-sec/onus/analyzer"
)

// S3PublicACL flags bucket ACLs that grant access to the AllUsers or
// AuthenticatedUsers groups, whether by a canned ACL or by explicit grants,
// inline on aws_s3_bucket or through aws_s3_bucket_acl.
var S3PublicACL = &analyzer.Check{
	ID:        "s3-public-acl",
	Title:     "S3 bucket ACL grants access to everyone",
	Severity:  analyzer.Critical,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{typeS3Bucket, typeS3BucketACL, typeS3BucketOwnershipControls, typeS3BucketPublicAccessBlock, typeS3AccountPublicAccessBlock},
	Boundary:  "AWS keeps buckets private and, since April 2023, creates them with ACLs disabled; an ACL that grants AllUsers or AuthenticatedUsers is a decision to publish, and it is yours.",
	Fix:       "Drop the public ACL (acl = \"private\" or no ACL at all), keep object ownership BucketOwnerEnforced, and share objects through a bucket policy scoped to the principals that need them or CloudFront with origin access control.",
	Run:       runS3PublicACL,
}

func init() { register(S3PublicACL) }

// aclFinding is a public grant found in an ACL, with the argument to report.
type aclFinding struct {
	attr   *analyzer.Attribute
	group  aclGroup
	perms  []string
	canned string
}

func runS3PublicACL(p *analyzer.Pass) {
	l := newS3Links(p)
	for _, b := range p.Resources(typeS3Bucket) {
		var found []aclFinding
		found = append(found, cannedPublic(b.Attr("acl"))...)
		for _, g := range b.Body.BlocksOf("grant") {
			// Inline grant blocks (deprecated since provider v4):
			// type, uri, id, permissions.
			if f, ok := groupGrant(g.Attr("uri"), g.Attr("permissions")); ok {
				found = append(found, f)
			}
		}
		reportPublicACL(p, l, b, found)
	}
	for _, r := range p.Resources(typeS3BucketACL) {
		var found []aclFinding
		found = append(found, cannedPublic(r.Attr("acl"))...)
		for _, acp := range r.Body.BlocksOf("access_control_policy") {
			for _, g := range acp.BlocksOf("grant") {
				for _, grantee := range g.BlocksOf("grantee") {
					if f, ok := groupGrant(grantee.Attr("uri"), g.Attr("permission")); ok {
						found = append(found, f)
					}
				}
			}
		}
		reportPublicACL(p, l, r, found)
	}
}

// cannedPublic returns the finding for a canned ACL that is public.
func cannedPublic(a *analyzer.Attribute) []aclFinding {
	acl, ok := a.String()
	if !ok {
		return nil
	}
	g, perms, public := publicCannedACL(acl)
	if !public {
		return nil
	}
	return []aclFinding{{attr: a, group: g, perms: perms, canned: acl}}
}

// groupGrant returns the finding for a grant whose grantee URI is a public
// group. permission may be a single string or a set of strings.
func groupGrant(uri, permission *analyzer.Attribute) (aclFinding, bool) {
	u, ok := uri.String()
	if !ok {
		return aclFinding{}, false
	}
	g, public := publicGroupURI(u)
	if !public {
		return aclFinding{}, false
	}
	perms, _ := permission.Strings()
	return aclFinding{attr: uri, group: g, perms: perms}, true
}

// reportPublicACL reports the public grants of one ACL holder r (a bucket
// or an aws_s3_bucket_acl), unless the configuration makes them inert.
func reportPublicACL(p *analyzer.Pass, l *s3Links, r *analyzer.Resource, found []aclFinding) {
	if len(found) == 0 {
		return
	}
	t := l.target(r)
	// With object ownership BucketOwnerEnforced, ACLs no longer affect
	// permissions (S3 rejects setting this one); with ignore_public_acls on
	// (bucket or account level), S3 ignores public ACLs when it evaluates
	// access. Either way the grant opens nothing; unknown settings may be
	// either and so do not produce a finding: the control is unknown.
	off, whyOff := l.aclsOff(t)
	ignored, whyIgnored := l.publicAccessSetting(t, "ignore_public_acls")
	if off == triYes || ignored == triYes {
		return
	}
	if off == triMaybe || ignored == triMaybe {
		why := whyOff
		if why == "" {
			why = whyIgnored
		}
		p.NoteUnknown(r, why)
		return
	}
	for _, f := range found {
		what := "grant"
		if f.canned != "" {
			what = "ACL \"" + f.canned + "\""
		}
		p.ReportAttr(r, f.attr,
			"%s lets %s %s; S3 creates buckets with ACLs disabled and public ACLs blocked since April 2023, so this works only where ownership controls or Block Public Access were loosened (or the bucket is older): remove it",
			what, f.group.who(), describePermissions(f.perms))
	}
}
