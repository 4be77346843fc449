package checks

import (
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"

	"github.com/onus-sec/onus/analyzer"
)

func TestWorldCIDR(t *testing.T) {
	tests := []struct {
		cidr string
		want bool
	}{
		{"0.0.0.0/0", true},
		{"::/0", true},
		{"10.1.2.3/0", true}, // EC2 canonicalises it to 0.0.0.0/0
		{"2001:db8::/0", true},
		{"0.0.0.0/1", false},
		{"10.0.0.0/8", false},
		{"::/1", false},
		{"0.0.0.0", false},
		{"", false},
		{"0.0.0.0/0 ", false},
		{"any", false},
	}
	for _, tt := range tests {
		if got := worldCIDR(tt.cidr); got != tt.want {
			t.Errorf("worldCIDR(%q) = %v, want %v", tt.cidr, got, tt.want)
		}
	}
}

func TestWorldCIDRs(t *testing.T) {
	tests := []struct {
		name  string
		cidrs []string
		want  bool
	}{
		{"empty", nil, false},
		{"world v4", []string{"10.0.0.0/8", "0.0.0.0/0"}, true},
		{"world v6", []string{"::/0"}, true},
		{"halves v4", []string{"128.0.0.0/1", "0.0.0.0/1"}, true},
		{"quarters v4 unmasked", []string{"0.0.0.0/2", "64.1.2.3/2", "128.0.0.0/1"}, true},
		{"overlapping", []string{"0.0.0.0/1", "0.0.0.0/2", "128.0.0.0/2", "192.0.0.0/2"}, true},
		{"gap", []string{"0.0.0.0/2", "128.0.0.0/1"}, false},
		{"no start", []string{"128.0.0.0/1"}, false},
		{"halves v6", []string{"::/1", "8000::/1"}, true},
		{"mixed families do not add up", []string{"0.0.0.0/1", "8000::/1"}, false},
		{"private", []string{"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"}, false},
		{"garbage ignored", []string{"not-a-cidr", "0.0.0.0/1", "128.0.0.0/1"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, got := worldCIDRs(tt.cidrs); got != tt.want {
				t.Errorf("worldCIDRs(%q) = %v, want %v", tt.cidrs, got, tt.want)
			}
		})
	}
}

func TestPortRange(t *testing.T) {
	tests := []struct {
		from, to   int64
		ok         bool
		all        bool
		contains22 bool
	}{
		{22, 22, true, false, true},
		{0, 65535, true, true, true},
		{1, 65535, true, true, true},
		{2, 65535, true, false, true},
		{1024, 65535, true, false, false},
		{-1, -1, false, false, false},
		{0, 70000, false, false, false},
		{443, 80, false, false, false},
	}
	for _, tt := range tests {
		r, ok := newPortRange(tt.from, tt.to)
		if ok != tt.ok {
			t.Errorf("newPortRange(%d, %d) ok = %v, want %v", tt.from, tt.to, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if r.All() != tt.all || r.Contains(22) != tt.contains22 {
			t.Errorf("%v: All = %v, Contains(22) = %v; want %v, %v", r, r.All(), r.Contains(22), tt.all, tt.contains22)
		}
	}
}

func TestParseProtocol(t *testing.T) {
	tests := map[string]protocol{
		"-1": protoAll, "all": protoAll, "ALL": protoAll,
		"tcp": protoTCP, "6": protoTCP, "TCP": protoTCP,
		"udp": protoUDP, "17": protoUDP,
		"icmp": protoICMP, "1": protoICMP,
		"icmpv6": protoICMPv6, "58": protoICMPv6,
		"47": protoOther, "50": protoOther,
		"": protoUnknown, "256": protoUnknown, "sctp?": protoUnknown,
	}
	for in, want := range tests {
		if got := parseProtocol(in); got != want {
			t.Errorf("parseProtocol(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestAdminPortsIn(t *testing.T) {
	ports := func(ps []adminPort) []int {
		var out []int
		for _, p := range ps {
			out = append(out, p.Port)
		}
		return out
	}
	tests := []struct {
		name   string
		proto  protocol
		r      portRange
		remote bool
		want   []int
	}{
		{"ssh", protoTCP, portRange{22, 22}, false, []int{22}},
		{"web", protoTCP, portRange{80, 443}, false, nil},
		{"ephemeral", protoTCP, portRange{1024, 65535}, true, []int{3389}},
		{"db range", protoTCP, portRange{3000, 6000}, false, nil},
		{"udp memcached", protoUDP, portRange{11211, 11211}, false, []int{11211}},
		{"udp ssh is not ssh", protoUDP, portRange{22, 22}, false, nil},
		{"icmp", protoICMP, portRange{0, 65535}, false, nil},
	}
	// The db range case is computed rather than written out: every admin
	// port between 3000 and 6000 over TCP.
	for _, a := range adminPorts {
		if a.Port >= 3000 && a.Port <= 6000 {
			tests[3].want = append(tests[3].want, a.Port)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ports(adminPortsIn(tt.proto, tt.r, tt.remote))); diff != "" {
				t.Errorf("adminPortsIn (-want +got):\n%s", diff)
			}
		})
	}
}

// block builds an evaluated block from argument values, as the engine would.
func testBlock(typ string, args map[string]cty.Value) *analyzer.Block {
	b := &analyzer.Block{Type: typ, Attributes: map[string]*analyzer.Attribute{}, Path: typ + "[0]"}
	for name, v := range args {
		b.Attributes[name] = &analyzer.Attribute{Name: name, Value: v, Path: b.Path + "." + name}
	}
	return b
}

func testStrList(s ...string) cty.Value {
	vals := make([]cty.Value, len(s))
	for i, x := range s {
		vals[i] = cty.StringVal(x)
	}
	return cty.ListVal(vals)
}

func TestSGRuleTier(t *testing.T) {
	r := &analyzer.Resource{Type: "aws_security_group", Address: "aws_security_group.sg"}
	rule := func(proto cty.Value, from, to int64, cidrs cty.Value) sgRule {
		return newSGRule(r, ruleFields{block: testBlock("ingress", map[string]cty.Value{
			"protocol": proto, "from_port": cty.NumberIntVal(from), "to_port": cty.NumberIntVal(to), "cidr_blocks": cidrs,
		})}, false, []string{"cidr_blocks", "ipv6_cidr_blocks"}, "protocol")
	}
	world := testStrList("0.0.0.0/0")
	tests := []struct {
		name string
		rule sgRule
		want ingressTier
	}{
		{"all protocols", rule(cty.StringVal("-1"), 0, 0, world), tierAllPorts},
		{"all protocols as a number", rule(cty.NumberIntVal(-1), 0, 0, world), tierAllPorts},
		{"all tcp ports", rule(cty.StringVal("tcp"), 0, 65535, world), tierAllPorts},
		{"ssh", rule(cty.StringVal("tcp"), 22, 22, world), tierAdminPort},
		{"range with postgres", rule(cty.StringVal("6"), 5000, 6000, world), tierAdminPort},
		{"https", rule(cty.StringVal("tcp"), 443, 443, world), tierNone},
		{"http", rule(cty.StringVal("tcp"), 80, 80, world), tierNone},
		{"80 to 443", rule(cty.StringVal("tcp"), 80, 443, world), tierOther},
		{"8080", rule(cty.StringVal("tcp"), 8080, 8080, world), tierOther},
		{"gre", rule(cty.StringVal("47"), 0, 0, world), tierOther},
		{"icmp", rule(cty.StringVal("icmp"), -1, -1, world), tierNone},
		{"private ssh", rule(cty.StringVal("tcp"), 22, 22, testStrList("10.0.0.0/8")), tierNone},
		{"unknown cidr", rule(cty.StringVal("tcp"), 22, 22, cty.UnknownVal(cty.List(cty.String))), tierNone},
		{"partly unknown cidrs with world", rule(cty.StringVal("tcp"), 22, 22, cty.ListVal([]cty.Value{cty.UnknownVal(cty.String), cty.StringVal("0.0.0.0/0")})), tierAdminPort},
		{"unknown protocol", rule(cty.UnknownVal(cty.String), 22, 22, world), tierNone},
		{"split world", rule(cty.StringVal("tcp"), 22, 22, testStrList("0.0.0.0/1", "128.0.0.0/1")), tierAdminPort},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := tt.rule.tier(); got != tt.want {
				t.Errorf("tier = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSGRuleEgress(t *testing.T) {
	r := &analyzer.Resource{Type: "aws_vpc_security_group_egress_rule", Address: "aws_vpc_security_group_egress_rule.e"}
	rule := func(args map[string]cty.Value) sgRule {
		return newSGRule(r, ruleFields{block: testBlock("egress", args)}, true, []string{"cidr_ipv4", "cidr_ipv6"}, "ip_protocol")
	}
	if !rule(map[string]cty.Value{"ip_protocol": cty.StringVal("-1"), "cidr_ipv6": cty.StringVal("::/0")}).opensAllEgress() {
		t.Error("egress -1 to ::/0 should open all egress")
	}
	if rule(map[string]cty.Value{"ip_protocol": cty.StringVal("tcp"), "from_port": cty.NumberIntVal(443), "to_port": cty.NumberIntVal(443), "cidr_ipv4": cty.StringVal("0.0.0.0/0")}).opensAllEgress() {
		t.Error("egress 443 to the world should not count as all egress")
	}
	if rule(map[string]cty.Value{"ip_protocol": cty.StringVal("-1"), "cidr_ipv4": cty.StringVal("10.0.0.0/16")}).opensAllEgress() {
		t.Error("egress to the VPC should not count")
	}
}

func TestRuleList(t *testing.T) {
	body := &analyzer.Block{Attributes: map[string]*analyzer.Attribute{}}
	body.Blocks = []*analyzer.Block{testBlock("ingress", nil), {Type: "ingress", Unknown: true}, testBlock("egress", nil)}
	rules, unknown := ruleList(body, "ingress")
	if len(rules) != 1 || !unknown {
		t.Errorf("blocks: got %d rules, unknown %v; want 1, true", len(rules), unknown)
	}
	obj := cty.ObjectVal(map[string]cty.Value{"from_port": cty.NumberIntVal(22)})
	body = &analyzer.Block{Attributes: map[string]*analyzer.Attribute{
		"ingress": {Name: "ingress", Value: cty.TupleVal([]cty.Value{obj, obj})},
		"egress":  {Name: "egress", Value: cty.UnknownVal(cty.List(cty.DynamicPseudoType))},
	}}
	rules, unknown = ruleList(body, "ingress")
	if len(rules) != 2 || unknown {
		t.Errorf("list: got %d rules, unknown %v; want 2, false", len(rules), unknown)
	}
	if n, ok := rules[0].integer("from_port"); !ok || n != 22 {
		t.Errorf("list element from_port = %d, %v", n, ok)
	}
	if _, unknown = ruleList(body, "egress"); !unknown {
		t.Error("an unknown list should make the rules unknown")
	}
}

func TestNACLExposes(t *testing.T) {
	entry := func(num int64, allow bool, proto protocol, from, to int, cidr string) naclRule {
		n := naclRule{acl: "acl", egressKnown: true, allow: allow, actionKnown: true, number: num, numberKnown: true, proto: proto, ports: portRange{from, to}, portsKnown: true}
		n.cidrAttr = &analyzer.Attribute{Name: "cidr_block"}
		if pfx, err := netip.ParsePrefix(cidr); err == nil {
			n.cidr, n.cidrKnown, n.v6 = pfx, true, !pfx.Addr().Is4()
		}
		return n
	}
	allowSSH := entry(200, true, protoTCP, 0, 65535, "0.0.0.0/0")
	tests := []struct {
		name   string
		before []naclRule
		want   tri
	}{
		{"nothing before", nil, triYes},
		{"deny ssh first", []naclRule{entry(100, false, protoTCP, 22, 22, "0.0.0.0/0")}, triNo},
		{"deny all first", []naclRule{entry(100, false, protoAll, 0, 0, "0.0.0.0/0")}, triNo},
		{"deny after", []naclRule{entry(300, false, protoTCP, 22, 22, "0.0.0.0/0")}, triYes},
		{"deny part of the world", []naclRule{entry(100, false, protoTCP, 22, 22, "10.0.0.0/8")}, triYes},
		{"deny in halves", []naclRule{entry(100, false, protoTCP, 22, 22, "0.0.0.0/1"), entry(110, false, protoTCP, 22, 22, "128.0.0.0/1")}, triNo},
		{"deny udp only", []naclRule{entry(100, false, protoUDP, 22, 22, "0.0.0.0/0")}, triYes},
		{"deny ipv6 only", []naclRule{entry(100, false, protoTCP, 22, 22, "::/0")}, triYes},
		{"deny in another acl", []naclRule{func() naclRule { n := entry(100, false, protoTCP, 22, 22, "0.0.0.0/0"); n.acl = "other"; return n }()}, triYes},
		{"deny in an unknown acl", []naclRule{func() naclRule { n := entry(100, false, protoTCP, 22, 22, "0.0.0.0/0"); n.acl = ""; return n }()}, triMaybe},
		{"deny of unknown number", []naclRule{func() naclRule { n := entry(0, false, protoTCP, 22, 22, "0.0.0.0/0"); n.numberKnown = false; return n }()}, triMaybe},
		{"unknown entry", []naclRule{{acl: "acl", unknown: true, egressKnown: true}}, triMaybe},
		{"unknown egress entry", []naclRule{{acl: "acl", unknown: true, egress: true, egressKnown: true}}, triYes},
		{"lower allow does not shadow", []naclRule{entry(100, true, protoTCP, 22, 22, "10.0.0.0/8")}, triYes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			all := append([]naclRule{allowSSH}, tt.before...)
			if got := exposes(all, 0, protoTCP, 22); got != tt.want {
				t.Errorf("exposes = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAdmits(t *testing.T) {
	tests := []struct {
		constraints []string
		below6      bool
	}{
		{nil, false},
		{[]string{"~> 5.0"}, true},
		{[]string{"~> 5"}, true},
		{[]string{"~> 5.31.0"}, true},
		{[]string{">= 4.0"}, false},
		{[]string{">= 4.0", "< 6.0"}, true},
		{[]string{">= 4.0", "<= 6.0.0"}, false},
		{[]string{"5.31.0"}, true},
		{[]string{"= 6.2.0"}, false},
		{[]string{"~> 6.0"}, false},
		{[]string{">= 5.0", " ~> 5.40"}, true},
		{[]string{">= 6.0", "< 6.0"}, false}, // admits nothing: not judged
		{[]string{"~> 5.0", "!= 5.3.0"}, true},
		{[]string{"latest"}, false}, // unreadable: not judged
		{[]string{"6.0.0-beta1"}, false},
	}
	for _, tt := range tests {
		pv := providerVersion{constraints: tt.constraints}
		if got := pv.newestBelow(6); got != tt.below6 {
			t.Errorf("newestBelow(6) for %q = %v, want %v", tt.constraints, got, tt.below6)
		}
	}
}

func FuzzWorldCIDR(f *testing.F) {
	for _, s := range []string{"0.0.0.0/0", "::/0", "10.0.0.0/8", "1.2.3.4/0", "0.0.0.0/1", "::ffff:0.0.0.0/96", "fe80::1%eth0/0", "garbage", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		world := worldCIDR(s)
		p, err := netip.ParsePrefix(s)
		if world != (err == nil && p.Bits() == 0) {
			t.Fatalf("worldCIDR(%q) = %v, but ParsePrefix gives %v, %v", s, world, p, err)
		}
		if _, w := worldCIDRs([]string{s}); w != world {
			t.Fatalf("worldCIDRs([%q]) = %v, worldCIDR = %v", s, w, world)
		}
		if err != nil || p.Bits() == p.Addr().BitLen() {
			return
		}
		// Splitting a prefix in its two halves covers exactly as much.
		m := p.Masked()
		lo := netip.PrefixFrom(m.Addr(), m.Bits()+1)
		hi := netip.PrefixFrom(lastAddr(m), m.Bits()+1).Masked()
		if _, w := worldCIDRs([]string{hi.String(), lo.String()}); w != world {
			t.Fatalf("halves %v + %v of %q: world = %v, want %v", lo, hi, s, w, world)
		}
	})
}

func FuzzPortRange(f *testing.F) {
	f.Add(int64(22), int64(22), 22)
	f.Add(int64(0), int64(65535), 1)
	f.Add(int64(1024), int64(65535), 3389)
	f.Add(int64(-1), int64(-1), 0)
	f.Add(int64(443), int64(80), 100)
	f.Fuzz(func(t *testing.T, from, to int64, port int) {
		r, ok := newPortRange(from, to)
		if ok != (from >= 0 && from <= to && to <= 65535) {
			t.Fatalf("newPortRange(%d, %d) ok = %v", from, to, ok)
		}
		if !ok {
			return
		}
		if r.Contains(port) != (int64(port) >= from && int64(port) <= to) {
			t.Fatalf("%v.Contains(%d) = %v", r, port, r.Contains(port))
		}
		if r.All() && !(r.Contains(1) && r.Contains(65535)) {
			t.Fatalf("%v.All() but does not span 1-65535", r)
		}
		if p, single := r.Single(); single != (from == to) || (single && int64(p) != from) {
			t.Fatalf("%v.Single() = %d, %v", r, p, single)
		}
		for _, a := range adminPortsIn(protoTCP, r, false) {
			if !r.Contains(a.Port) {
				t.Fatalf("adminPortsIn(%v) returned %d outside the range", r, a.Port)
			}
		}
	})
}
