package checks

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/onus-sec/onus/analyzer"
)

// EKSOutdatedVersion flags EKS clusters whose Kubernetes version is past the
// end of EKS standard support on the scan date.
//
// Facts (verified 2026-12-02, Amazon EKS User Guide, "Understand the
// Kubernetes version lifecycle on EKS"): a minor version gets 14 months of
// standard support from its EKS release, then 12 months of extended support
// at an additional cost per cluster hour; extended support is enabled by
// default; at its end EKS upgrades the control plane itself, but not nodes
// or add-ons. The dates per version are kept in data/eks_versions.json with
// their sources.
//
// A missing version (EKS creates the cluster on its default, a supported
// version) or an unknown one is not flagged, and neither is a version newer
// than the table knows.
var EKSOutdatedVersion = &analyzer.Check{
	ID:        "eks-outdated-version",
	Title:     "EKS cluster runs a Kubernetes version past end of standard support",
	Severity:  analyzer.Medium,
	Side:      analyzer.Shared,
	Category:  analyzer.Patching,
	Resources: []string{"aws_eks_cluster"},
	Boundary:  "AWS patches the EKS control plane of every version it supports and publishes new Kubernetes versions; moving your cluster, nodes and add-ons to a supported version is yours.",
	Fix:       "Upgrade version one minor version at a time to a release under standard support, then upgrade node groups and add-ons.",
	Run:       runEKSOutdatedVersion,
}

func init() { register(EKSOutdatedVersion) }

//go:embed data/eks_versions.json
var eksVersionsJSON []byte

// eksRelease is one row of the EKS release calendar.
type eksRelease struct {
	version                        kubernetesVersion
	endOfStandard, endOfExtended   time.Time
	endOfStandardS, endOfExtendedS string
}

// eksCalendar is the release calendar, newest version first.
var eksCalendar = mustLoadEKSCalendar(eksVersionsJSON)

func mustLoadEKSCalendar(data []byte) []eksRelease {
	cal, err := loadEKSCalendar(data)
	if err != nil {
		panic(err) // the file is embedded: a broken one is a build defect, caught by the tests
	}
	return cal
}

func loadEKSCalendar(data []byte) ([]eksRelease, error) {
	var doc struct {
		Versions []struct {
			Version       string `json:"version"`
			EndOfStandard string `json:"end_of_standard_support"`
			EndOfExtended string `json:"end_of_extended_support"`
		} `json:"versions"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("data/eks_versions.json: %w", err)
	}
	out := make([]eksRelease, 0, len(doc.Versions))
	for _, v := range doc.Versions {
		kv, ok := parseKubernetesVersion(v.Version)
		if !ok {
			return nil, fmt.Errorf("data/eks_versions.json: bad version %q", v.Version)
		}
		std, err := time.Parse(time.DateOnly, v.EndOfStandard)
		if err != nil {
			return nil, fmt.Errorf("data/eks_versions.json: %s: %w", v.Version, err)
		}
		ext, err := time.Parse(time.DateOnly, v.EndOfExtended)
		if err != nil {
			return nil, fmt.Errorf("data/eks_versions.json: %s: %w", v.Version, err)
		}
		out = append(out, eksRelease{kv, std, ext, v.EndOfStandard, v.EndOfExtended})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("data/eks_versions.json: no versions")
	}
	sort.Slice(out, func(i, j int) bool { return out[j].version.less(out[i].version) })
	return out, nil
}

func runEKSOutdatedVersion(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_eks_cluster") {
		a := r.Attr("version")
		s, known := a.String()
		if !known {
			continue
		}
		v, ok := parseKubernetesVersion(s)
		if !ok {
			continue
		}
		if msg := eksVersionStatus(v, p.Now); msg != "" {
			p.ReportAttr(r, a, "%s", msg)
		}
	}
}

// eksVersionStatus returns the finding message for a cluster on version v
// at the scan date now, or "" when v is under standard support or newer
// than the calendar.
func eksVersionStatus(v kubernetesVersion, now time.Time) string {
	oldest := eksCalendar[len(eksCalendar)-1]
	if v.less(oldest.version) {
		return fmt.Sprintf("Kubernetes %s left EKS support entirely (%s, the oldest version in the calendar, lost extended support on %s): AWS no longer patches its control plane and upgrades it on its own schedule; upgrading the cluster, nodes and add-ons is yours",
			v, oldest.version, oldest.endOfExtendedS)
	}
	for _, rel := range eksCalendar {
		if rel.version != v {
			continue
		}
		switch {
		case !now.Before(rel.endOfExtended):
			return fmt.Sprintf("Kubernetes %s reached the end of EKS extended support on %s: AWS no longer patches it and upgrades the control plane on its own schedule, leaving nodes and add-ons behind; upgrading them all is yours",
				v, rel.endOfExtendedS)
		case !now.Before(rel.endOfStandard):
			return fmt.Sprintf("Kubernetes %s left EKS standard support on %s: AWS still patches the control plane, for an extended-support charge, until %s; upgrading the cluster, nodes and add-ons to a supported version is yours",
				v, rel.endOfStandardS, rel.endOfExtendedS)
		}
		return ""
	}
	return "" // newer than the calendar, or a version EKS never offered
}

// kubernetesVersion is a Kubernetes minor version, e.g. 1.29.
type kubernetesVersion struct{ major, minor int }

func (v kubernetesVersion) less(w kubernetesVersion) bool {
	if v.major != w.major {
		return v.major < w.major
	}
	return v.minor < w.minor
}

func (v kubernetesVersion) String() string { return fmt.Sprintf("%d.%d", v.major, v.minor) }

// parseKubernetesVersion reads "1.29", "v1.29" or "1.29.3" (the patch is
// ignored).
func parseKubernetesVersion(s string) (kubernetesVersion, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "v")
	parts := strings.Split(s, ".")
	if len(parts) < 2 || len(parts) > 3 {
		return kubernetesVersion{}, false
	}
	var n [2]int
	for i := range n {
		x, err := strconv.Atoi(parts[i])
		if err != nil || x < 0 {
			return kubernetesVersion{}, false
		}
		n[i] = x
	}
	return kubernetesVersion{n[0], n[1]}, true
}
