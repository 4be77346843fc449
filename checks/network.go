package checks

// What the network checks share: which CIDRs are the whole Internet, port
// ranges, the administration and database ports, protocols as the EC2 API
// spells them, and one normalised view over every way Terraform writes a
// security group or network ACL rule.

import (
	"fmt"
	"net/netip"
	"sort"
	"strconv"
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/onus-sec/onus/analyzer"
)

// worldCIDR reports whether cidr is the whole IPv4 or IPv6 address space:
// any prefix of length 0. EC2 canonicalises the address part of a CIDR
// (verified 2026-12-02, EC2 API AuthorizeSecurityGroupIngress CidrIp: "AWS
// canonicalizes IPv4 and IPv6 CIDRs ... 100.68.0.18/18 ... to
// 100.68.0.0/18"), so "10.1.2.3/0" opens as much as "0.0.0.0/0".
func worldCIDR(cidr string) bool {
	p, err := netip.ParsePrefix(cidr)
	return err == nil && p.Bits() == 0
}

// worldCIDRs reports whether the CIDRs of one rule, taken together, cover all
// of IPv4 or all of IPv6, and returns the CIDR to quote in a message. Besides
// a prefix of length 0 it catches a space split in pieces, such as
// 0.0.0.0/1 with 128.0.0.0/1. Strings that are not CIDRs are ignored.
func worldCIDRs(cidrs []string) (quote string, world bool) {
	var v4, v6 []netip.Prefix
	for _, c := range cidrs {
		if worldCIDR(c) {
			return c, true
		}
		p, err := netip.ParsePrefix(c)
		if err != nil {
			continue
		}
		p = p.Masked()
		if p.Addr().Is4() {
			v4 = append(v4, p)
		} else {
			v6 = append(v6, p)
		}
	}
	switch {
	case coversFamily(v4):
		return strings.Join(prefixStrings(v4), " + "), true
	case coversFamily(v6):
		return strings.Join(prefixStrings(v6), " + "), true
	}
	return "", false
}

func prefixStrings(ps []netip.Prefix) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// coversFamily reports whether prefixes, all of one address family, cover
// that family's whole address space.
func coversFamily(ps []netip.Prefix) bool {
	if len(ps) == 0 {
		return false
	}
	sorted := append([]netip.Prefix(nil), ps...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Addr().Less(sorted[j].Addr()) })
	first := sorted[0].Addr()
	if first != netip.IPv4Unspecified() && first != netip.IPv6Unspecified() {
		return false
	}
	end := lastAddr(sorted[0])
	for _, p := range sorted[1:] {
		next := end.Next()
		if !next.IsValid() {
			return true // end is already the highest address
		}
		if next.Less(p.Addr()) {
			return false // a gap
		}
		if l := lastAddr(p); end.Less(l) {
			end = l
		}
	}
	return !end.Next().IsValid()
}

// lastAddr returns the highest address of a masked prefix.
func lastAddr(p netip.Prefix) netip.Addr {
	a := p.Addr()
	if a.Is4() {
		b := a.As4()
		setHostBits(b[:], p.Bits())
		return netip.AddrFrom4(b)
	}
	b := a.As16()
	setHostBits(b[:], p.Bits())
	return netip.AddrFrom16(b)
}

func setHostBits(b []byte, bits int) {
	for i := range b {
		for j := 0; j < 8; j++ {
			if i*8+j >= bits {
				b[i] |= 0x80 >> j
			}
		}
	}
}

// portRange is an inclusive range of TCP or UDP ports.
type portRange struct{ From, To int }

// allPorts is the range a rule of protocol -1 opens.
var allPorts = portRange{0, 65535}

// newPortRange validates a from/to pair as written in a rule.
func newPortRange(from, to int64) (portRange, bool) {
	if from < 0 || to > 65535 || from > to {
		return portRange{}, false
	}
	return portRange{int(from), int(to)}, true
}

// Contains reports whether port p is in the range.
func (r portRange) Contains(p int) bool { return r.From <= p && p <= r.To }

// All reports whether the range opens every port: 0 or 1 up to 65535 (no
// service listens on port 0, so 1-65535 opens as much).
func (r portRange) All() bool { return r.From <= 1 && r.To == 65535 }

// Single returns the port of a one-port range.
func (r portRange) Single() (int, bool) { return r.From, r.From == r.To }

func (r portRange) String() string {
	if r.From == r.To {
		return strconv.Itoa(r.From)
	}
	return fmt.Sprintf("%d-%d", r.From, r.To)
}

// protocol is a rule's IP protocol as the EC2 API reads it.
type protocol int

// Protocols. protoOther is any other IP protocol number (GRE, ESP...): the
// EC2 API opens such a protocol on all ports whatever the range says
// (verified 2026-12-02, EC2 security group rule IpProtocol, as documented
// for AWS::EC2::SecurityGroupIngress: "specifying -1 or a protocol number
// other than tcp, udp, icmp, or icmpv6 allows traffic on all ports,
// regardless of any port range you specify").
const (
	protoUnknown protocol = iota
	protoAll
	protoTCP
	protoUDP
	protoICMP
	protoICMPv6
	protoOther
)

// parseProtocol reads a protocol as security groups and network ACLs accept
// it: a name or an IANA number, "-1" or "all" for every protocol (verified
// 2026-12-02, Terraform AWS provider docs for aws_security_group_rule and
// aws_network_acl_rule: "-1" means all protocols, "all" is its synonym;
// numbers such as "6" are accepted for tcp). The provider lower-cases it.
func parseProtocol(s string) protocol {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "-1", "all":
		return protoAll
	case "tcp", "6":
		return protoTCP
	case "udp", "17":
		return protoUDP
	case "icmp", "1":
		return protoICMP
	case "icmpv6", "58":
		return protoICMPv6
	case "":
		return protoUnknown
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 0 && n <= 255 {
		return protoOther
	}
	return protoUnknown
}

// hasPorts reports whether rules of the protocol are scoped by a port range.
// ICMP rules carry a type and code in from_port/to_port instead, and any
// other protocol number opens the protocol whole.
func (p protocol) hasPorts() bool { return p == protoTCP || p == protoUDP }

func (p protocol) String() string {
	switch p {
	case protoAll:
		return "all protocols"
	case protoTCP:
		return "TCP"
	case protoUDP:
		return "UDP"
	case protoICMP:
		return "ICMP"
	case protoICMPv6:
		return "ICMPv6"
	case protoOther:
		return "IP protocol"
	}
	return "unknown protocol"
}

// adminPort is a port that gives control of a host or direct access to data:
// remote administration, databases, caches and search engines.
type adminPort struct {
	Port    int
	Service string
	// UDP is set when the service also listens on UDP. Verified 2026-12-02:
	// RDP's UDP transport listens on UDP 3389 (Microsoft [MS-RDPEUDP] 2.1
	// "Transport"); memcached serves UDP 11211, the vector of the 2018
	// amplification attacks (Qualys ThreatPROTECT, cyberciti.biz).
	UDP bool
	// Remote marks remote administration (SSH, RDP): the only ports the CIS
	// benchmark asks network ACLs to close.
	Remote bool
}

// adminPorts lists the ports no security group should open to the world.
var adminPorts = []adminPort{
	{Port: 22, Service: "SSH", Remote: true},
	{Port: 3389, Service: "RDP", UDP: true, Remote: true},
	{Port: 3306, Service: "MySQL"},
	{Port: 5432, Service: "PostgreSQL"},
	{Port: 1433, Service: "SQL Server"},
	{Port: 1521, Service: "Oracle"},
	{Port: 27017, Service: "MongoDB"},
	{Port: 6379, Service: "Redis"},
	{Port: 9200, Service: "Elasticsearch/OpenSearch"},
	{Port: 11211, Service: "Memcached", UDP: true},
	{Port: 5439, Service: "Redshift"},
	{Port: 2379, Service: "etcd"},
}

// reaches reports whether a rule of protocol p on ports r opens the port.
func (a adminPort) reaches(p protocol, r portRange) bool {
	switch p {
	case protoAll:
		return true
	case protoTCP:
		return r.Contains(a.Port)
	case protoUDP:
		return a.UDP && r.Contains(a.Port)
	}
	return false
}

func (a adminPort) String() string { return fmt.Sprintf("%s (%d)", a.Service, a.Port) }

// adminPortsIn returns the admin ports a rule opens, remote-administration
// ones only when remoteOnly is set.
func adminPortsIn(p protocol, r portRange, remoteOnly bool) []adminPort {
	var out []adminPort
	for _, a := range adminPorts {
		if (!remoteOnly || a.Remote) && a.reaches(p, r) {
			out = append(out, a)
		}
	}
	return out
}

func joinAdminPorts(ps []adminPort) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.String()
	}
	if len(s) > 3 {
		s = append(s[:3], fmt.Sprintf("%d more", len(ps)-3))
	}
	return strings.Join(s, ", ")
}

// ruleFields reads the arguments of one rule, whichever way it is written: a
// nested block, the body of a standalone rule resource, or one element of a
// list assigned to `ingress = [...]` (attributes-as-blocks syntax).
type ruleFields struct {
	block *analyzer.Block
	elem  cty.Value
	list  *analyzer.Attribute
}

func (f ruleFields) value(name string) cty.Value {
	if f.block != nil {
		if a := f.block.Attr(name); a != nil {
			return a.Value
		}
		return cty.NullVal(cty.DynamicPseudoType)
	}
	return analyzer.GetAttr(f.elem, name)
}

// at is the argument a finding about the named field points at: the argument
// itself in a block, the whole list in the attribute form.
func (f ruleFields) at(name string) *analyzer.Attribute {
	if f.block != nil {
		return f.block.Attr(name)
	}
	return f.list
}

// set reports whether the field is given (even as an unknown value).
func (f ruleFields) set(name string) bool { return !f.value(name).IsNull() }

func (f ruleFields) str(name string) (string, bool) { return analyzer.StringValue(f.value(name)) }

func (f ruleFields) boolean(name string) (bool, bool) { return analyzer.BoolValue(f.value(name)) }

func (f ruleFields) strs(name string) ([]string, bool) {
	v := f.value(name)
	if v.IsNull() {
		return nil, true
	}
	return analyzer.StringsValue(v)
}

func (f ruleFields) integer(name string) (int64, bool) { return intValue(f.value(name)) }

// intValue returns v as a whole number when it is known and convertible.
func intValue(v cty.Value) (int64, bool) { return analyzer.IntValue(v) }

// ruleList returns the rules of one kind written in a resource body: nested
// blocks (dynamic ones already expanded) and elements of a list argument of
// the same name. unknown is set when some rules cannot be seen: a dynamic
// block over an unknown collection, or an unknown list.
func ruleList(body *analyzer.Block, kind string) (rules []ruleFields, unknown bool) {
	for _, b := range body.BlocksOf(kind) {
		if b.Unknown {
			unknown = true
			continue
		}
		rules = append(rules, ruleFields{block: b})
	}
	a := body.Attr(kind)
	if a == nil {
		return rules, unknown
	}
	if !a.Value.IsKnown() {
		return rules, true
	}
	for _, e := range analyzer.Elements(a.Value) {
		if !e.IsKnown() {
			unknown = true
			continue
		}
		rules = append(rules, ruleFields{elem: e, list: a})
	}
	return rules, unknown
}

// sgRule is one security group rule in normalised form.
type sgRule struct {
	r      *analyzer.Resource
	fields ruleFields
	egress bool
	proto  protocol
	ports  portRange
	// portsKnown is false when the protocol has ports and they are unknown
	// or invalid.
	portsKnown bool
	// world is the CIDR argument known to admit the whole Internet, nil when
	// the rule is not known to; quote is the CIDR for the message.
	world *analyzer.Attribute
	quote string
	// worldMaybe is set when the rule is not known to admit the whole
	// Internet but may: some of its CIDRs are unknown.
	worldMaybe bool
	// protoOpen and portsOpen are set when the protocol, or the ports, are
	// set to values onus cannot know before apply.
	protoOpen, portsOpen bool
}

// sgRuleTypes lists the resources security group rules are read from.
var sgRuleTypes = []string{
	"aws_security_group", "aws_default_security_group", "aws_security_group_rule",
	"aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
}

// securityGroupRules returns every security group rule of the configuration
// whose content is known, in resource address order.
func securityGroupRules(p *analyzer.Pass) []sgRule {
	var out []sgRule
	for _, r := range p.Resources(sgRuleTypes...) {
		switch r.Type {
		case "aws_security_group", "aws_default_security_group":
			for _, kind := range []string{"ingress", "egress"} {
				rules, _ := ruleList(r.Body, kind)
				for _, f := range rules {
					out = append(out, newSGRule(r, f, kind == "egress", []string{"cidr_blocks", "ipv6_cidr_blocks"}, "protocol"))
				}
			}
		case "aws_security_group_rule":
			// An unknown type is reported by hiddenSecurityGroupRules.
			typ, ok := quietString(r.Attr("type"))
			if !ok || (typ != "ingress" && typ != "egress") {
				continue
			}
			out = append(out, newSGRule(r, ruleFields{block: r.Body}, typ == "egress", []string{"cidr_blocks", "ipv6_cidr_blocks"}, "protocol"))
		case "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule":
			out = append(out, newSGRule(r, ruleFields{block: r.Body}, r.Type == "aws_vpc_security_group_egress_rule", []string{"cidr_ipv4", "cidr_ipv6"}, "ip_protocol"))
		}
	}
	return out
}

func newSGRule(r *analyzer.Resource, f ruleFields, egress bool, cidrArgs []string, protoArg string) sgRule {
	rule := sgRule{r: r, fields: f, egress: egress}
	if s, ok := f.str(protoArg); ok {
		rule.proto = parseProtocol(s)
	} else {
		rule.protoOpen = !f.value(protoArg).IsWhollyKnown()
	}
	switch {
	case rule.proto == protoAll:
		// Verified 2026-12-02, Terraform AWS provider docs,
		// aws_vpc_security_group_ingress_rule: ip_protocol "-1" means all
		// protocols and all port ranges; aws_security_group_rule: "all"/-1
		// opens all ports whatever from_port and to_port say.
		rule.ports, rule.portsKnown = allPorts, true
	case rule.proto.hasPorts():
		from, ok1 := f.integer("from_port")
		to, ok2 := f.integer("to_port")
		if ok1 && ok2 {
			rule.ports, rule.portsKnown = newPortRange(from, to)
		}
		rule.portsOpen = !f.value("from_port").IsWhollyKnown() || !f.value("to_port").IsWhollyKnown()
	}
	for _, name := range cidrArgs {
		cidrs, known := f.strs(name)
		if q, ok := worldCIDRs(cidrs); ok {
			rule.world, rule.quote = f.at(name), q
			break
		}
		if !known {
			rule.worldMaybe = true
		}
	}
	if rule.world != nil {
		rule.worldMaybe = false
	}
	return rule
}

// unknownPath names what keeps a rule's verdict open, for an unknown
// control: the rule block, or the list it is an element of.
func (r sgRule) unknownPath() string {
	if r.fields.list != nil {
		return unknownArgPath(r.fields.list, r.fields.list.Name)
	}
	var unknown []string
	for _, name := range []string{"cidr_blocks", "ipv6_cidr_blocks", "cidr_ipv4", "cidr_ipv6", "protocol", "ip_protocol", "from_port", "to_port"} {
		if r.fields.set(name) && !r.fields.value(name).IsWhollyKnown() {
			unknown = append(unknown, name)
		}
	}
	what := strings.Join(unknown, ", ")
	if r.fields.block != nil && r.fields.block.Path != "" {
		if what == "" {
			return r.fields.block.Path
		}
		return r.fields.block.Path + ": " + what
	}
	if what == "" {
		return "rule"
	}
	return what
}

// mayBeTier reports whether a world ingress rule not known to be in tier t
// may be: its CIDRs, protocol or ports are unknown, and what is known does
// not rule t out.
func (r sgRule) mayBeTier(t ingressTier) bool {
	if r.egress || (r.world == nil && !r.worldMaybe) {
		return false
	}
	if got, _ := r.tier(); got == t {
		return false
	}
	switch {
	case r.protoOpen:
		return true
	case r.proto.hasPorts() && !r.portsKnown:
		return r.portsOpen
	}
	got, _ := r.portTier()
	return got == t
}

// mayOpenAllEgress reports whether a rule not known to let everything out
// to the world may: its CIDRs, protocol or ports are unknown.
func (r sgRule) mayOpenAllEgress() bool {
	if !r.egress || r.opensAllEgress() || (r.world == nil && !r.worldMaybe) {
		return false
	}
	switch {
	case r.protoOpen:
		return true
	case r.proto == protoAll:
		return true
	case r.proto.hasPorts():
		return r.portsOpen || (r.portsKnown && r.ports.All())
	}
	return false
}

// hiddenRules lists the rule sets that cannot be seen: a dynamic ingress or
// egress block over an unknown collection, an unknown rule list, a rule
// resource of unknown type. egress tells the direction; both is set when it
// is unknown.
type hiddenRule struct {
	r            *analyzer.Resource
	egress, both bool
	path         string
}

func hiddenSecurityGroupRules(p *analyzer.Pass) []hiddenRule {
	var out []hiddenRule
	for _, r := range p.Resources(sgRuleTypes...) {
		switch r.Type {
		case "aws_security_group", "aws_default_security_group":
			for _, kind := range []string{"ingress", "egress"} {
				if _, unknown := ruleList(r.Body, kind); unknown {
					out = append(out, hiddenRule{r: r, egress: kind == "egress", path: kind})
				}
			}
		case "aws_security_group_rule":
			if a := r.Attr("type"); a != nil && !a.Value.IsWhollyKnown() {
				out = append(out, hiddenRule{r: r, both: true, path: "type"})
			}
		}
	}
	return out
}

// noteHiddenRules records an unknown control on every resource whose rules of
// the given direction cannot be seen.
func noteHiddenRules(p *analyzer.Pass, egress bool) {
	for _, h := range hiddenSecurityGroupRules(p) {
		if h.both || h.egress == egress {
			p.NoteUnknown(h.r, h.path)
		}
	}
}

// ingressTier says which of the world-ingress checks owns a rule, so that a
// rule is reported by exactly one of them.
type ingressTier int

const (
	tierNone ingressTier = iota
	// tierAllPorts: every port or every protocol.
	tierAllPorts
	// tierAdminPort: a range that includes an admin or database port.
	tierAdminPort
	// tierOther: any other port or protocol, except 80 and 443 alone.
	tierOther
)

// tier classifies a world ingress rule; tierNone for anything else, for
// rules whose protocol or ports are unknown, and for ICMP. ICMP carries no
// service to log in to or read data from, and path MTU discovery needs
// "fragmentation needed" messages from anywhere, so world ICMP is left to
// judgement rather than flagged.
func (r sgRule) tier() (ingressTier, []adminPort) {
	if r.egress || r.world == nil {
		return tierNone, nil
	}
	return r.portTier()
}

// portTier is the tier of the rule's protocol and ports, were it open to the
// world.
func (r sgRule) portTier() (ingressTier, []adminPort) {
	switch r.proto {
	case protoAll:
		return tierAllPorts, nil
	case protoOther:
		return tierOther, nil
	case protoTCP, protoUDP:
		if !r.portsKnown {
			return tierNone, nil
		}
		if r.ports.All() {
			return tierAllPorts, nil
		}
		if ps := adminPortsIn(r.proto, r.ports, false); len(ps) > 0 {
			return tierAdminPort, ps
		}
		if p, ok := r.ports.Single(); ok && (p == 80 || p == 443) {
			return tierNone, nil
		}
		return tierOther, nil
	}
	return tierNone, nil
}

// opensAllEgress reports whether the rule lets traffic out to the whole
// Internet on every port.
func (r sgRule) opensAllEgress() bool {
	if !r.egress || r.world == nil {
		return false
	}
	return r.proto == protoAll || (r.proto.hasPorts() && r.portsKnown && r.ports.All())
}

// what describes the traffic a rule lets through, for messages.
func (r sgRule) what() string {
	switch {
	case r.proto == protoAll:
		return "all traffic"
	case r.proto == protoOther:
		s, _ := r.fields.str("protocol")
		if s == "" {
			s, _ = r.fields.str("ip_protocol")
		}
		return "IP protocol " + s
	case r.ports.All():
		return "every " + r.proto.String() + " port"
	}
	return r.proto.String() + " " + r.ports.String()
}

// reportWorldRule reports a security group rule at the argument that opens it
// to the world. Rules sharing that argument (elements of one `ingress = [...]`
// list, blocks of one dynamic block) share its range, and the runner keeps
// one finding per check and range.
func reportWorldRule(p *analyzer.Pass, rule sgRule, format string, args ...any) {
	p.ReportAttr(rule.r, rule.world, format, args...)
}

// tri is a three-valued truth: what onus knows, what it knows is false, and
// what it cannot tell.
type tri int

const (
	triNo tri = iota
	triMaybe
	triYes
)

// triAnd is the conjunction: no if any is no, else maybe if any is maybe.
func triAnd(ts ...tri) tri {
	out := triYes
	for _, t := range ts {
		if t < out {
			out = t
		}
	}
	return out
}

// triOf turns a (value, known) reading into a tri.
func triOf(v, known bool) tri {
	switch {
	case !known:
		return triMaybe
	case v:
		return triYes
	}
	return triNo
}

// naclRule is one network ACL entry in normalised form: an inline `ingress`
// or `egress` of aws_network_acl or aws_default_network_acl, or an
// aws_network_acl_rule.
type naclRule struct {
	r      *analyzer.Resource
	fields ruleFields
	// acl identifies the network ACL the entry belongs to; "" when unknown.
	acl string
	// unknown marks an entry whose content cannot be seen (a dynamic block
	// over an unknown collection): it could be anything.
	unknown bool

	egress, egressKnown bool
	allow, actionKnown  bool
	number              int64
	numberKnown         bool
	proto               protocol
	ports               portRange
	portsKnown          bool
	// v6 is set for an ipv6_cidr_block entry; cidr is known when cidrKnown.
	v6        bool
	cidr      netip.Prefix
	cidrKnown bool
	cidrAttr  *analyzer.Attribute
}

// networkACLRules returns every network ACL entry of the configuration.
func networkACLRules(p *analyzer.Pass) []naclRule {
	var out []naclRule
	for _, r := range p.Resources("aws_network_acl", "aws_default_network_acl") {
		acl := aclKeyOf(p, r)
		for _, kind := range []string{"ingress", "egress"} {
			rules, unknown := ruleList(r.Body, kind)
			for _, f := range rules {
				n := newNACLRule(r, f, acl, "rule_no", "action")
				n.egress, n.egressKnown = kind == "egress", true
				out = append(out, n)
			}
			if unknown {
				out = append(out, naclRule{r: r, acl: acl, unknown: true, egress: kind == "egress", egressKnown: true})
			}
		}
	}
	for _, r := range p.Resources("aws_network_acl_rule") {
		n := newNACLRule(r, ruleFields{block: r.Body}, aclKeyOfID(p, r.Attr("network_acl_id")), "rule_number", "rule_action")
		// Verified 2026-12-02, Terraform AWS provider docs,
		// aws_network_acl_rule: egress defaults to false (an ingress rule).
		n.egress, n.egressKnown = false, true
		if a := r.Attr("egress"); a != nil {
			n.egress, n.egressKnown = analyzer.BoolValue(a.Value)
		}
		out = append(out, n)
	}
	return out
}

func newNACLRule(r *analyzer.Resource, f ruleFields, acl, numberArg, actionArg string) naclRule {
	n := naclRule{r: r, fields: f, acl: acl}
	if s, ok := f.str(actionArg); ok {
		n.allow, n.actionKnown = strings.EqualFold(s, "allow"), true
	}
	n.number, n.numberKnown = f.integer(numberArg)
	if s, ok := f.str("protocol"); ok {
		n.proto = parseProtocol(s)
	}
	switch {
	case n.proto == protoAll:
		// Verified 2026-12-02, Terraform AWS provider docs,
		// aws_network_acl_rule: with protocol -1 or "all" from_port and
		// to_port are ignored and the rule applies to all ports.
		n.ports, n.portsKnown = allPorts, true
	case n.proto.hasPorts():
		from, ok1 := f.integer("from_port")
		to, ok2 := f.integer("to_port")
		if ok1 && ok2 {
			n.ports, n.portsKnown = newPortRange(from, to)
		}
	}
	for _, arg := range []string{"cidr_block", "ipv6_cidr_block"} {
		if !f.set(arg) {
			continue
		}
		n.v6, n.cidrAttr = arg == "ipv6_cidr_block", f.at(arg)
		if s, ok := f.str(arg); ok {
			if pfx, err := netip.ParsePrefix(s); err == nil {
				n.cidr, n.cidrKnown = pfx.Masked(), true
			}
		}
		break
	}
	return n
}

// aclKeyOf is the identity of a network ACL resource, as rules referring to
// it compute it.
func aclKeyOf(p *analyzer.Pass, r *analyzer.Resource) string {
	if r.Type == "aws_default_network_acl" {
		if a := r.Attr("default_network_acl_id"); a != nil {
			if k := aclKeyOfID(p, a); k != "" {
				return k
			}
		}
	}
	return r.Address
}

// aclKeyOfID is the identity of the network ACL a network_acl_id argument
// names: the resource it refers to, the attribute it is derived from, or the
// literal ID; "" when it cannot be known.
func aclKeyOfID(p *analyzer.Pass, a *analyzer.Attribute) string {
	if a == nil {
		return ""
	}
	for _, ref := range a.Refs {
		if t := p.Lookup(ref.Address); t != nil && ref.Attr == "id" && t.Type == "aws_network_acl" {
			return t.Address
		}
		if t := p.Lookup(ref.Address); t != nil && ref.Attr == "id" && t.Type == "aws_default_network_acl" {
			return aclKeyOf(p, t)
		}
	}
	if len(a.Refs) > 0 {
		return "ref:" + a.Refs[0].Address + "." + a.Refs[0].Attr
	}
	// An unknown ID is not recorded here: whether it matters is for the
	// check to say (the entry may belong to any ACL).
	if s, ok := quietString(a); ok {
		return "id:" + s
	}
	return ""
}

// world reports whether the entry matches traffic from (or to) the whole
// Internet of its address family.
func (n naclRule) world() bool { return n.cidrKnown && n.cidr.Bits() == 0 }

// opens reports whether the entry's protocol and ports match traffic of
// protocol proto (TCP or UDP) to port.
func (n naclRule) opens(proto protocol, port int) tri {
	if n.unknown {
		return triMaybe
	}
	switch n.proto {
	case protoAll:
		return triYes
	case protoUnknown:
		return triMaybe
	case proto:
		return triOf(n.ports.Contains(port), n.portsKnown)
	}
	return triNo
}

// shadows says whether entry d is evaluated before entry n and would deny
// the same traffic (proto to port from d's CIDR) first. Network ACL entries
// are evaluated from the lowest rule number up and the first match decides
// (verified 2026-12-02, Amazon VPC User Guide, "Network ACL rules": "Rules
// are evaluated starting with the lowest numbered rule. As soon as a rule
// matches traffic, it's applied regardless of any higher-numbered rule").
func (n naclRule) shadows(other naclRule, proto protocol, port int) tri {
	if n.unknown {
		return triAnd(triMaybe, triOf(n.acl == other.acl, n.acl != "" && other.acl != ""), triOf(n.egress == other.egress, n.egressKnown))
	}
	same := triOf(n.acl == other.acl, n.acl != "" && other.acl != "")
	lower := triOf(n.number < other.number, n.numberKnown && other.numberKnown)
	deny := triOf(!n.allow, n.actionKnown)
	direction := triOf(n.egress == other.egress, n.egressKnown && other.egressKnown)
	family := triOf(n.v6 == other.v6, n.cidrAttr != nil)
	return triAnd(same, lower, deny, direction, family, n.opens(proto, port))
}

// exposes says whether world traffic of proto to port reaches past every
// lower-numbered deny entry of its ACL to entry all[self]. Several deny entries can cover
// the address space together.
func exposes(all []naclRule, self int, proto protocol, port int) tri {
	n := all[self]
	var definite, possible []netip.Prefix
	possibleWorld := false
	for i, d := range all {
		if i == self {
			continue
		}
		t := d.shadows(n, proto, port)
		switch {
		case t == triNo:
			continue
		case !d.cidrKnown:
			possibleWorld = true
		case t == triYes:
			definite = append(definite, d.cidr)
		default:
			possible = append(possible, d.cidr)
		}
	}
	if coversFamily(sameFamily(definite, n.v6)) {
		return triNo
	}
	if possibleWorld || coversFamily(sameFamily(append(definite, possible...), n.v6)) {
		return triMaybe
	}
	return triYes
}

func sameFamily(ps []netip.Prefix, v6 bool) []netip.Prefix {
	var out []netip.Prefix
	for _, p := range ps {
		if p.Addr().Is4() != v6 {
			out = append(out, p)
		}
	}
	return out
}
