package checks

import "github.com/onus-sec/onus/analyzer"

// CloudTrailSingleRegion flags trails that record one region only.
//
// is_multi_region_trail defaults to false (Terraform AWS provider docs,
// aws_cloudtrail; verified 2026-12-02): the trail then logs the API calls of
// the region it is created in (and, by default, global services), so
// activity in every other region goes unrecorded. An organization trail is
// no exception: is_organization_trail widens the accounts, not the regions.
var CloudTrailSingleRegion = &analyzer.Check{
	ID:        "cloudtrail-single-region",
	Title:     "CloudTrail trail records a single region",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.Logging,
	Resources: []string{"aws_cloudtrail"},
	Boundary:  "AWS records API activity in every region; which regions your trail delivers to your bucket is set by you.",
	Fix:       "Set is_multi_region_trail = true.",
	Run:       runCloudTrailSingleRegion,
}

func init() { register(CloudTrailSingleRegion) }

func runCloudTrailSingleRegion(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_cloudtrail") {
		v, ok := r.BoolOr("is_multi_region_trail", false)
		if !ok || v {
			continue
		}
		p.ReportAt(r, "is_multi_region_trail",
			"the trail records only the region it is created in (is_multi_region_trail defaults to false): resources started in any other region leave no trail; set is_multi_region_trail = true")
	}
}
