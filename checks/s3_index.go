package checks

import (
	"slices"
	"strings"

	"github.com/onus-sec/onus/analyzer"
)

// splitIndex files the split S3 resources of some types by what their
// `bucket` argument designates, so that finding the ones that may point at
// a bucket costs in proportion to the answer rather than to every split
// resource of the configuration: relating each bucket to each split resource
// is quadratic, and a monorepo holds thousands of both.
type splitIndex struct {
	// all is the resources in Pass.Resources order; the index holds
	// positions in it, so answers keep that order.
	all []*analyzer.Resource
	// byBase holds the resources whose argument refers to a bucket, by the
	// referenced address without its instance key (two addresses relate
	// only when these are equal, see relateBucketAddrs).
	byBase map[string][]int
	// byAddr holds those whose reference names a known instance
	// (aws_s3_bucket.b[3]), by that address, and loose, by base address,
	// those that name none or an unknown one: a bucket instance relates
	// only to the first that name it and to all of the second, so the
	// ten thousand instances of a counted bucket each find their own.
	byAddr map[string][]int
	loose  map[string][]int
	// byName holds the resources that name their bucket with a literal,
	// by that name.
	byName map[string][]int
	// named lists every resource of byName.
	named []int
	// wild lists the resources that may designate any bucket: an unknown
	// value derived from no bucket, or a name unknown at scan time.
	wild []int
}

func (l *s3Links) index(types []string) *splitIndex {
	key := strings.Join(types, "\x00")
	if idx, ok := l.indexes[key]; ok {
		return idx
	}
	idx := &splitIndex{all: l.p.Resources(types...), byBase: map[string][]int{}, byAddr: map[string][]int{}, loose: map[string][]int{}, byName: map[string][]int{}}
	file := func(m map[string][]int, k string, i int) {
		if n := len(m[k]); n == 0 || m[k][n-1] != i {
			m[k] = append(m[k], i)
		}
	}
	for i, x := range idx.all {
		t := l.target(x)
		switch {
		case t.open:
			idx.wild = append(idx.wild, i)
		case len(t.addrs) > 0:
			for _, a := range t.addrs {
				base, keyed := instanceBaseAddress(a)
				file(idx.byBase, base, i)
				if keyed && !t.keyUnknown {
					file(idx.byAddr, a, i)
				} else {
					file(idx.loose, base, i)
				}
			}
		case t.named:
			idx.byName[t.name] = append(idx.byName[t.name], i)
			idx.named = append(idx.named, i)
		case t.nameUnknown:
			idx.wild = append(idx.wild, i)
		}
	}
	if l.indexes == nil {
		l.indexes = map[string]*splitIndex{}
	}
	l.indexes[key] = idx
	return idx
}

// candidates returns, in Pass.Resources order, the resources of the given
// types that relateBuckets may link to t: a superset of the linked ones,
// which the caller still relates one by one. Only a target that refers to a
// bucket instance (every aws_s3_bucket does) is looked up in the index;
// anything else gets every resource of the types, as before.
func (l *s3Links) candidates(t bucketTarget, types ...string) []*analyzer.Resource {
	if t.open || len(t.addrs) == 0 {
		return l.p.Resources(types...)
	}
	idx := l.index(types)
	var pos []int
	for _, a := range t.addrs {
		base, keyed := instanceBaseAddress(a)
		if keyed && !t.keyUnknown {
			pos = append(pos, idx.byAddr[a]...)
			pos = append(pos, idx.loose[base]...)
		} else {
			pos = append(pos, idx.byBase[base]...)
		}
	}
	pos = append(pos, idx.wild...)
	switch {
	case t.nameUnknown:
		pos = append(pos, idx.named...)
	case t.named:
		pos = append(pos, idx.byName[t.name]...)
	}
	slices.Sort(pos)
	pos = slices.Compact(pos)
	out := make([]*analyzer.Resource, len(pos))
	for i, p := range pos {
		out[i] = idx.all[p]
	}
	return out
}
