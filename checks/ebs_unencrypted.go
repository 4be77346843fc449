package checks

import "github.com/onus-sec/onus/analyzer"

// EBSUnencrypted flags EBS volumes the configuration declares without
// encryption: aws_ebs_volume, and the root_block_device / ebs_block_device
// blocks of instances, spot instance requests and launch configurations, and
// the block_device_mappings.ebs blocks of launch templates.
//
// Facts (verified 2026-12-02):
//   - EBS encrypts a new volume only when asked (Encrypted), when it is
//     created from an encrypted snapshot, or when EBS encryption by default
//     is on for the account and region (Amazon EBS User Guide, "Amazon EBS
//     encryption" and "encryption examples": a volume restored from an
//     unencrypted snapshot is unencrypted unless Encrypted is set or
//     encryption by default is enabled; volumes created from snapshots of an
//     encrypted volume are encrypted).
//   - aws_ebs_encryption_by_default turns it on; enabled defaults to true
//     (Terraform AWS provider docs). Its presence in the configuration clears
//     every volume of this check.
//   - aws_launch_template block_device_mappings.ebs.encrypted is a string
//     holding a boolean ("true"/"false"), read as Terraform converts it.
//
// A volume created from a snapshot (snapshot_id) takes the snapshot's
// encryption, which the configuration usually does not show: it is judged
// only when the snapshot is an aws_ebs_snapshot of a volume in the
// configuration known to be unencrypted. Instances without block device
// blocks get their volumes from the AMI's snapshots, which the configuration
// does not show either, and are not judged.
var EBSUnencrypted = &analyzer.Check{
	ID:       "ebs-unencrypted",
	Title:    "EBS volume is not encrypted",
	Severity: analyzer.High,
	Side:     analyzer.Customer,
	Category: analyzer.DataProtection,
	Resources: []string{
		"aws_ebs_volume", "aws_instance", "aws_spot_instance_request", "aws_launch_template",
		"aws_launch_configuration", "aws_ebs_encryption_by_default",
	},
	Boundary: "AWS encrypts EBS volumes and their snapshots with KMS when you ask per volume or turn on encryption by default for the region; asking is yours.",
	Fix:      "Set encrypted = true on each volume, or enable aws_ebs_encryption_by_default for the account and region.",
	Run:      runEBSUnencrypted,
}

func init() { register(EBSUnencrypted) }

func runEBSUnencrypted(p *analyzer.Pass) {
	byDefault := encryptionByDefault(p)
	if byDefault == triYes {
		return
	}
	// Encryption by default that may be on (an unknown enabled, an instance
	// of unknown count) clears no volume for certain: what would be
	// reported is recorded as unknown instead.
	flag := func(r *analyzer.Resource, report func()) {
		if byDefault == triMaybe {
			p.NoteUnknown(r, "enabled of aws_ebs_encryption_by_default")
			return
		}
		report()
	}
	for _, r := range p.Resources("aws_ebs_volume") {
		switch volumeEncryption(p, r, 0) {
		case triMaybe:
			if a := r.Attr("encrypted"); a == nil || a.Value.IsWhollyKnown() {
				p.NoteUnknown(r, "snapshot_id")
			}
			continue
		case triYes:
			continue
		}
		flag(r, func() {
			p.ReportAt(r, "encrypted",
				"EBS volume is not encrypted: AWS encrypts a volume only when asked or when encryption by default is on for the region; set encrypted = true")
		})
	}
	for _, r := range p.Resources("aws_instance", "aws_spot_instance_request", "aws_launch_configuration") {
		for _, kind := range []string{"root_block_device", "ebs_block_device"} {
			for _, b := range r.Body.BlocksOf(kind) {
				reportUnencryptedDevice(p, r, b, kind, flag)
			}
		}
	}
	for _, r := range p.Resources("aws_launch_template") {
		for _, m := range r.Body.BlocksOf("block_device_mappings") {
			if m.Unknown {
				p.NoteUnknown(r, "block_device_mappings")
				continue
			}
			for _, b := range m.BlocksOf("ebs") {
				reportUnencryptedDevice(p, r, b, "block_device_mappings.ebs", flag)
			}
		}
	}
}

// reportUnencryptedDevice reports a block device block whose encrypted is
// false or unset, unless it is built from a snapshot (whose encryption then
// applies, and is unknown). flag reports, or records an unknown control when
// encryption by default may be on.
func reportUnencryptedDevice(p *analyzer.Pass, r *analyzer.Resource, b *analyzer.Block, kind string, flag func(*analyzer.Resource, func())) {
	if b.Unknown {
		p.NoteUnknown(r, kind)
		return
	}
	a := b.Attr("encrypted")
	if a == nil {
		if b.Attr("snapshot_id") != nil {
			p.NoteUnknown(r, joinBlockPath(b.Path, "snapshot_id"))
			return // the snapshot's encryption applies
		}
		flag(r, func() {
			p.ReportBlock(r, b,
				"%s does not set encrypted = true and the provider defaults it to false: the volume is encrypted only if its source snapshot is or encryption by default is on; set encrypted = true", kind)
		})
		return
	}
	if v, ok := a.Bool(); ok && !v {
		flag(r, func() {
			p.ReportAttr(r, a,
				"%s has encrypted = false: AWS stores this volume and its snapshots unencrypted unless encryption by default is on for the region; set it to true", kind)
		})
	}
}

// encryptionByDefault says whether the configuration turns on EBS
// encryption by default: yes or maybe (an unknown enabled, an instance of
// unknown count) clear every volume.
func encryptionByDefault(p *analyzer.Pass) tri {
	out := triNo
	for _, r := range p.Resources("aws_ebs_encryption_by_default") {
		v, known := r.BoolOr("enabled", true)
		t := triOf(v, known)
		if r.KeyUnknown && t == triYes {
			t = triMaybe
		}
		if t > out {
			out = t
		}
	}
	return out
}

// volumeEncryption says whether an aws_ebs_volume is encrypted, following a
// snapshot_id back through aws_ebs_snapshot and aws_ebs_snapshot_copy to the
// volume it was taken from when the configuration holds it.
func volumeEncryption(p *analyzer.Pass, r *analyzer.Resource, depth int) tri {
	if depth > 8 {
		return triMaybe
	}
	if a := r.Attr("encrypted"); a != nil {
		v, known := a.Bool()
		if !known || v {
			return triOf(v, known)
		}
	}
	snap := r.Attr("snapshot_id")
	if snap == nil {
		return triNo
	}
	return snapshotEncryption(p, snap, depth+1)
}

// snapshotEncryption says whether the snapshot a snapshot_id argument names
// is encrypted.
func snapshotEncryption(p *analyzer.Pass, a *analyzer.Attribute, depth int) tri {
	if len(a.Refs) != 1 || depth > 8 {
		return triMaybe
	}
	s := p.Lookup(a.Refs[0].Address)
	if s == nil || a.Refs[0].Attr != "id" {
		return triMaybe
	}
	switch s.Type {
	case "aws_ebs_snapshot":
		vol := s.Attr("volume_id")
		if vol == nil || len(vol.Refs) != 1 || vol.Refs[0].Attr != "id" {
			return triMaybe
		}
		v := p.Lookup(vol.Refs[0].Address)
		if v == nil || v.Type != "aws_ebs_volume" {
			return triMaybe
		}
		return volumeEncryption(p, v, depth+1)
	case "aws_ebs_snapshot_copy":
		if enc, known := s.BoolOr("encrypted", false); !known || enc {
			return triOf(enc, known)
		}
		src := s.Attr("source_snapshot_id")
		if src == nil {
			return triMaybe
		}
		return snapshotEncryption(p, src, depth+1)
	}
	return triMaybe
}
