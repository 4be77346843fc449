package gencorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// A unit is a group of resources that belong together (a bucket and its
// split settings, a role and its policies), written hardened or, when bad,
// with one misconfiguration that a check must report.
type unit struct {
	prefix string
	// size is the number of resource blocks the unit writes.
	size  int
	write func(u *unitCtx)
}

// theme groups units into files the way people do: storage.tf, iam.tf...
type theme struct {
	name  string
	units []unit
}

var themes = []theme{
	{"storage", []unit{s3SplitUnit, s3ForEachUnit, s3InlineUnit, computeUnit}},
	{"iam", []unit{iamRoleUnit, iamUserUnit, iamRoleUnit}},
	{"network", []unit{networkUnit, securityGroupUnit, securityGroupUnit}},
	{"data", []unit{databaseUnit, redshiftUnit, s3SplitUnit, eksUnit}},
	{"app", []unit{computeUnit, securityGroupUnit, iamRoleUnit, s3SplitUnit}},
}

// fillers are single-resource units that top a file up to its size.
var fillers = []unit{ebsFiller, sgRuleFiller, iamPolicyFiller}

// unitCtx collects the text of one unit.
type unitCtx struct {
	name    string
	bad     bool
	variant int
	rng     *rand.Rand

	b         strings.Builder
	resources int
	data      int
	expect    string
	outputs   [][2]string
}

// resource writes a resource block; body lines are indented by the caller.
func (u *unitCtx) resource(typ, name, body string) {
	fmt.Fprintf(&u.b, "\nresource %q %q {\n%s}\n", typ, name, body)
	u.resources++
}

func (u *unitCtx) dataSource(typ, name, body string) {
	fmt.Fprintf(&u.b, "\ndata %q %q {\n%s}\n", typ, name, body)
	u.data++
}

func (u *unitCtx) comment(text string) { fmt.Fprintf(&u.b, "\n# %s\n", text) }

// pick returns good, or bad when the unit is misconfigured, and records the
// check the misconfiguration must trigger.
func (u *unitCtx) pick(good, bad, check string) string {
	if u.bad {
		u.expect = check
		return bad
	}
	return good
}

// badVariant reports whether the unit is misconfigured in its i-th way out
// of n.
func (u *unitCtx) badVariant(i, n int) bool { return u.bad && u.variant%n == i }

func (u *unitCtx) sub(s string) string { return strings.ReplaceAll(s, "NAME", u.name) }

// s3SplitUnit is a bucket with the split resources of AWS provider v4+,
// linked by .id and .bucket, and a bucket policy from a policy document.
var s3SplitUnit = unit{prefix: "b", size: 6, write: func(u *unitCtx) {
	u.comment("Bucket " + u.name + ": data kept by the service.")
	u.resource("aws_s3_bucket", u.name, u.sub(`  bucket = "${local.prefix}-NAME"
  tags   = local.common_tags
`))
	status := `"Enabled"`
	if u.badVariant(0, 5) {
		status = u.pick(status, `"Suspended"`, "s3-versioning-disabled")
	}
	u.resource("aws_s3_bucket_versioning", u.name, u.sub(`  bucket = aws_s3_bucket.NAME.id

  versioning_configuration {
    status = `+status+`
  }
`))
	sse := `      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
`
	if u.badVariant(1, 5) {
		sse = u.pick(sse, `      sse_algorithm = "AES256"
`, "s3-no-cmk-encryption")
	}
	u.resource("aws_s3_bucket_server_side_encryption_configuration", u.name, u.sub(`  bucket = aws_s3_bucket.NAME.bucket

  rule {
    apply_server_side_encryption_by_default {
`+sse+`    }
    bucket_key_enabled = true
  }
`))
	policyFlag := "true"
	if u.badVariant(2, 5) {
		policyFlag = u.pick(policyFlag, "false", "s3-public-access-block-disabled")
	}
	if u.badVariant(3, 5) {
		// A public policy only takes effect when Block Public Access lets
		// it: the bad variant turns both off.
		policyFlag = u.pick(policyFlag, "false", "s3-public-policy")
	}
	u.resource("aws_s3_bucket_public_access_block", u.name, u.sub(`  bucket                  = aws_s3_bucket.NAME.id
  block_public_acls       = true
  block_public_policy     = `+policyFlag+`
  ignore_public_acls      = true
  restrict_public_buckets = `+policyFlag+`
`))
	if u.badVariant(4, 5) {
		u.pick("", "", "s3-access-logging-disabled")
		u.resource("aws_s3_bucket_ownership_controls", u.name, u.sub(`  bucket = aws_s3_bucket.NAME.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
`))
	} else {
		u.resource("aws_s3_bucket_logging", u.name, u.sub(`  bucket        = aws_s3_bucket.NAME.id
  target_bucket = var.log_bucket
  target_prefix = "NAME/"
`))
	}
	narrowing := `
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpce"
      values   = [var.vpce_id]
    }
`
	if u.badVariant(3, 5) {
		narrowing = ""
	}
	u.dataSource("aws_iam_policy_document", u.name, u.sub(`  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.NAME.arn, "${aws_s3_bucket.NAME.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    sid       = "ReadThroughEndpoint"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.NAME.arn}/*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
`+narrowing+`  }
`))
	u.resource("aws_s3_bucket_policy", u.name, u.sub(`  bucket = aws_s3_bucket.NAME.id
  policy = data.aws_iam_policy_document.NAME.json
`))
	u.outputs = append(u.outputs, [2]string{u.name + "_arn", "aws_s3_bucket." + u.name + ".arn"})
}}

// s3ForEachUnit is one bucket per suffix with for_each, its settings
// iterating over the buckets.
var s3ForEachUnit = unit{prefix: "fb", size: 6, write: func(u *unitCtx) {
	u.comment("Buckets " + u.name + ", one per data stage.")
	u.resource("aws_s3_bucket", u.name, u.sub(`  for_each = toset(var.suffixes)

  bucket = "${local.prefix}-NAME-${each.key}"
  tags   = merge(local.common_tags, { Stage = each.key })
`))
	status := `"Enabled"`
	if u.badVariant(0, 2) {
		status = u.pick(status, `"Suspended"`, "s3-versioning-disabled")
	}
	u.resource("aws_s3_bucket_versioning", u.name, u.sub(`  for_each = aws_s3_bucket.NAME

  bucket = each.value.id
  versioning_configuration {
    status = `+status+`
  }
`))
	flag := "true"
	if u.badVariant(1, 2) {
		flag = u.pick(flag, "false", "s3-public-access-block-disabled")
	}
	u.resource("aws_s3_bucket_public_access_block", u.name, u.sub(`  for_each = aws_s3_bucket.NAME

  bucket                  = each.value.id
  block_public_acls       = `+flag+`
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
`))
	u.resource("aws_s3_bucket_server_side_encryption_configuration", u.name, u.sub(`  for_each = aws_s3_bucket.NAME

  bucket = each.value.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
  }
`))
	u.resource("aws_s3_bucket_logging", u.name, u.sub(`  for_each = aws_s3_bucket.NAME

  bucket        = each.value.id
  target_bucket = var.log_bucket
  target_prefix = "NAME/${each.key}/"
`))
	u.resource("aws_s3_bucket_policy", u.name, u.sub(`  for_each = aws_s3_bucket.NAME

  bucket = each.value.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [each.value.arn, "${each.value.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
`))
}}

// s3InlineUnit is a bucket written before AWS provider v4, with inline
// settings, and its public access block.
var s3InlineUnit = unit{prefix: "lb", size: 2, write: func(u *unitCtx) {
	u.comment("Legacy bucket " + u.name + " with inline settings.")
	acl := `"private"`
	if u.badVariant(0, 2) {
		acl = u.pick(acl, `"public-read"`, "s3-public-acl")
	}
	versioning := "true"
	if u.badVariant(1, 2) {
		versioning = u.pick(versioning, "false", "s3-versioning-disabled")
	}
	u.resource("aws_s3_bucket", u.name, u.sub(`  bucket = "${local.prefix}-NAME"
  acl    = `+acl+`

  versioning {
    enabled = `+versioning+`
  }

  logging {
    target_bucket = var.log_bucket
    target_prefix = "NAME/"
  }

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = var.kms_key_arn
      }
    }
  }

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::${local.prefix}-NAME", "arn:aws:s3:::${local.prefix}-NAME/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
`))
	block := "true"
	if u.badVariant(0, 2) {
		block = "false"
	}
	u.resource("aws_s3_bucket_public_access_block", u.name, u.sub(`  bucket                  = aws_s3_bucket.NAME.id
  block_public_acls       = `+block+`
  block_public_policy     = true
  ignore_public_acls      = `+block+`
  restrict_public_buckets = true
`))
}}

// iamRoleUnit is a role with a jsonencode trust policy, a managed policy
// from a policy document, an inline policy and an attachment.
var iamRoleUnit = unit{prefix: "r", size: 4, write: func(u *unitCtx) {
	u.comment("Role " + u.name + " for the service's instances.")
	principal := `{ Service = "ec2.amazonaws.com" }`
	if u.badVariant(0, 5) {
		principal = u.pick(principal, `{ AWS = "*" }`, "iam-wildcard-principal")
	}
	u.resource("aws_iam_role", u.name, u.sub(`  name = "${local.prefix}-NAME"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = `+principal+`
    }]
  })
  tags = local.common_tags
`))
	actions := `["s3:GetObject", "s3:ListBucket"]`
	if u.badVariant(1, 5) {
		actions = u.pick(actions, `["s3:*"]`, "iam-wildcard-action")
	}
	u.dataSource("aws_iam_policy_document", u.name, u.sub(`  statement {
    sid       = "ReadData"
    actions   = `+actions+`
    resources = [local.data_bucket_arn, "${local.data_bucket_arn}/*"]
  }

  statement {
    sid       = "UseKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
  }
`))
	u.resource("aws_iam_policy", u.name, u.sub(`  name   = "${local.prefix}-NAME-data"
  policy = data.aws_iam_policy_document.NAME.json
`))
	stmt := `{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "arn:aws:logs:${var.region}:${var.account_id}:log-group:/app/${local.prefix}:*"
    }`
	switch {
	case u.badVariant(2, 5):
		stmt = u.pick(stmt, `{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }`, "iam-admin-policy")
	case u.badVariant(3, 5):
		stmt = u.pick(stmt, `{
      Effect    = "Allow"
      NotAction = ["iam:*", "organizations:*"]
      Resource  = "arn:aws:s3:::${local.prefix}-NAME/*"
    }`, "iam-allow-not-action")
	}
	u.resource("aws_iam_role_policy", u.name, u.sub(`  name = "logs"
  role = aws_iam_role.NAME.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [`+stmt+`]
  })
`))
	arn := "aws_iam_policy.NAME.arn"
	if u.badVariant(4, 5) {
		arn = u.pick(arn, `"arn:aws:iam::aws:policy/AdministratorAccess"`, "iam-admin-managed-policy")
	}
	u.resource("aws_iam_role_policy_attachment", u.name, u.sub(`  role       = aws_iam_role.NAME.name
  policy_arn = `+arn+`
`))
	u.outputs = append(u.outputs, [2]string{u.name + "_role_arn", "aws_iam_role." + u.name + ".arn"})
}}

// iamUserUnit is a human user in a group; the bad variants give it
// long-lived keys or a policy of its own.
var iamUserUnit = unit{prefix: "u", size: 3, write: func(u *unitCtx) {
	u.comment("Operator " + u.name + ".")
	u.resource("aws_iam_user", u.name, u.sub(`  name          = "${local.prefix}-NAME"
  force_destroy = true
`))
	u.resource("aws_iam_group", u.name, u.sub(`  name = "${local.prefix}-NAME-operators"
`))
	switch {
	case u.badVariant(0, 2):
		u.pick("", "", "iam-user-access-key")
		u.resource("aws_iam_access_key", u.name, u.sub(`  user = aws_iam_user.NAME.name
`))
	case u.badVariant(1, 2):
		u.pick("", "", "iam-user-policy")
		u.resource("aws_iam_user_policy", u.name, u.sub(`  name = "read-reports"
  user = aws_iam_user.NAME.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject"]
      Resource = "${local.data_bucket_arn}/reports/*"
    }]
  })
`))
	default:
		u.resource("aws_iam_user_group_membership", u.name, u.sub(`  user   = aws_iam_user.NAME.name
  groups = [aws_iam_group.NAME.name]
`))
	}
}}

// securityGroupUnit is a group with dynamic ingress blocks, a rule resource
// per partner (for_each) and a rule of the newer per-rule type.
var securityGroupUnit = unit{prefix: "sg", size: 3, write: func(u *unitCtx) {
	u.comment("Security group " + u.name + ".")
	ports, cidr := "local.service_ports", "[var.vpc_cidr]"
	if u.badVariant(0, 4) {
		ports = u.pick(ports, "local.admin_ports", "sg-world-admin-port")
		cidr = `["0.0.0.0/0"]`
	}
	egress := "[var.vpc_cidr]"
	if u.badVariant(1, 4) {
		egress = u.pick(egress, `["0.0.0.0/0"]`, "sg-world-egress-all")
	}
	u.resource("aws_security_group", u.name, u.sub(`  name        = "${local.prefix}-NAME"
  description = "NAME service traffic"
  vpc_id      = aws_vpc.shared.id

  dynamic "ingress" {
    for_each = `+ports+`
    content {
      description = "port ${ingress.value}"
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = `+cidr+`
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = `+egress+`
  }
`))
	port := "443"
	if u.badVariant(2, 4) {
		port = u.pick(port, "8080", "sg-world-ingress")
	}
	partner := "each.value"
	if u.badVariant(2, 4) {
		partner = `"0.0.0.0/0"`
	}
	u.resource("aws_security_group_rule", u.name+"_partners", u.sub(`  for_each = local.partner_cidrs

  type              = "ingress"
  description       = "partner ${each.key}"
  from_port         = `+port+`
  to_port           = `+port+`
  protocol          = "tcp"
  cidr_blocks       = [`+partner+`]
  security_group_id = aws_security_group.NAME.id
`))
	proto, from, to, src := `"tcp"`, "22", "22", "var.admin_cidrs[0]"
	if u.badVariant(3, 4) {
		proto = u.pick(proto, `"-1"`, "sg-world-all-ports")
		from, to, src = "-1", "-1", `"0.0.0.0/0"`
	}
	u.resource("aws_vpc_security_group_ingress_rule", u.name+"_admin", u.sub(`  security_group_id = aws_security_group.NAME.id
  description       = "administration from the office"
  cidr_ipv4         = `+src+`
  from_port         = `+from+`
  to_port           = `+to+`
  ip_protocol       = `+proto+`
`))
	u.outputs = append(u.outputs, [2]string{u.name + "_id", "aws_security_group." + u.name + ".id"})
}}

// networkUnit is a VPC with counted subnets, a flow log and a network ACL.
var networkUnit = unit{prefix: "net", size: 5, write: func(u *unitCtx) {
	u.comment("Network " + u.name + ".")
	u.resource("aws_vpc", u.name, u.sub(`  cidr_block           = cidrsubnet(var.vpc_cidr, 4, 1)
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = merge(local.common_tags, { Name = "${local.prefix}-NAME" })
`))
	public := "false"
	if u.badVariant(0, 3) {
		public = u.pick(public, "true", "ec2-public-ip")
	}
	u.resource("aws_subnet", u.name, u.sub(`  count = length(local.azs)

  vpc_id                  = aws_vpc.NAME.id
  cidr_block              = cidrsubnet(aws_vpc.NAME.cidr_block, 4, count.index)
  availability_zone       = local.azs[count.index]
  map_public_ip_on_launch = `+public+`
`))
	if u.badVariant(1, 3) {
		u.pick("", "", "vpc-flow-logs-disabled")
		u.resource("aws_internet_gateway", u.name, u.sub(`  vpc_id = aws_vpc.NAME.id
`))
	} else {
		u.resource("aws_flow_log", u.name, u.sub(`  vpc_id               = aws_vpc.NAME.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::${var.log_bucket}/flow/NAME"
`))
	}
	u.resource("aws_network_acl", u.name, u.sub(`  vpc_id     = aws_vpc.NAME.id
  subnet_ids = aws_subnet.NAME[*].id
`))
	cidr := "var.admin_cidrs[0]"
	if u.badVariant(2, 3) {
		cidr = u.pick(cidr, `"0.0.0.0/0"`, "nacl-world-admin-port")
	}
	u.resource("aws_network_acl_rule", u.name+"_ssh", u.sub(`  network_acl_id = aws_network_acl.NAME.id
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = `+cidr+`
  from_port      = 22
  to_port        = 22
`))
}}

// computeUnit is an instance with an encrypted root volume and a data
// volume.
var computeUnit = unit{prefix: "vm", size: 3, write: func(u *unitCtx) {
	u.comment("Instance " + u.name + ".")
	public, rootEnc := "false", "true"
	if u.badVariant(0, 3) {
		public = u.pick(public, "true", "ec2-public-ip")
	}
	if u.badVariant(1, 3) {
		rootEnc = u.pick(rootEnc, "false", "ebs-unencrypted")
	}
	u.resource("aws_instance", u.name, u.sub(`  ami                         = var.ami_id
  instance_type               = "t3.small"
  subnet_id                   = aws_subnet.shared[0].id
  associate_public_ip_address = `+public+`
  iam_instance_profile        = "${local.prefix}-NAME"

  metadata_options {
    http_tokens   = "required"
    http_endpoint = "enabled"
  }

  root_block_device {
    volume_size = 20
    encrypted   = `+rootEnc+`
    kms_key_id  = var.kms_key_arn
  }

  tags = merge(local.common_tags, { Name = "${local.prefix}-NAME" })
`))
	enc := "true"
	if u.badVariant(2, 3) {
		enc = u.pick(enc, "false", "ebs-unencrypted")
	}
	u.resource("aws_ebs_volume", u.name, u.sub(`  availability_zone = local.azs[0]
  size              = 100
  type              = "gp3"
  encrypted         = `+enc+`
  kms_key_id        = var.kms_key_arn
`))
	u.resource("aws_volume_attachment", u.name, u.sub(`  device_name = "/dev/sdf"
  volume_id   = aws_ebs_volume.NAME.id
  instance_id = aws_instance.NAME.id
`))
}}

// databaseUnit is a subnet group and one database instance per replica
// name (for_each).
var databaseUnit = unit{prefix: "db", size: 2, write: func(u *unitCtx) {
	u.comment("Database " + u.name + ".")
	u.resource("aws_db_subnet_group", u.name, u.sub(`  name       = "${local.prefix}-NAME"
  subnet_ids = aws_subnet.shared[*].id
`))
	public, enc := "false", "true"
	if u.badVariant(0, 2) {
		public = u.pick(public, "true", "rds-public")
	}
	if u.badVariant(1, 2) {
		enc = u.pick(enc, "false", "rds-unencrypted")
	}
	u.resource("aws_db_instance", u.name, u.sub(`  for_each = toset(["primary", "reporting"])

  identifier                  = "${local.prefix}-NAME-${each.key}"
  engine                      = "postgres"
  engine_version              = "16.4"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "app"
  password                    = var.db_password
  db_subnet_group_name        = aws_db_subnet_group.NAME.name
  publicly_accessible         = `+public+`
  storage_encrypted           = `+enc+`
  kms_key_id                  = var.kms_key_arn
  backup_retention_period     = 7
  deletion_protection         = true
  auto_minor_version_upgrade  = true
  copy_tags_to_snapshot       = true
  performance_insights_enabled = true
`))
}}

// redshiftUnit is a private, encrypted warehouse.
var redshiftUnit = unit{prefix: "dw", size: 1, write: func(u *unitCtx) {
	u.comment("Warehouse " + u.name + ".")
	public := "false"
	if u.bad {
		public = u.pick(public, "true", "redshift-public")
	}
	u.resource("aws_redshift_cluster", u.name, u.sub(`  cluster_identifier  = "${local.prefix}-NAME"
  node_type           = "ra3.xlplus"
  number_of_nodes     = 2
  database_name       = "warehouse"
  master_username     = "admin"
  master_password     = var.db_password
  encrypted           = true
  kms_key_id          = var.kms_key_arn
  publicly_accessible = `+public+`
`))
}}

// eksUnit is a cluster whose API endpoint is private.
var eksUnit = unit{prefix: "k8s", size: 1, write: func(u *unitCtx) {
	u.comment("Cluster " + u.name + ".")
	access := `    endpoint_private_access = true
    endpoint_public_access  = false
`
	if u.bad {
		access = u.pick(access, `    endpoint_private_access = true
`, "eks-public-endpoint")
	}
	u.resource("aws_eks_cluster", u.name, u.sub(`  name     = "${local.prefix}-NAME"
  role_arn = "arn:aws:iam::${var.account_id}:role/${local.prefix}-eks"
  version  = "1.31"

  vpc_config {
    subnet_ids = aws_subnet.shared[*].id
`+access+`  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = var.kms_key_arn
    }
  }
`))
}}

// ebsFiller is a standalone volume.
var ebsFiller = unit{prefix: "vol", size: 1, write: func(u *unitCtx) {
	enc := "true"
	if u.bad {
		enc = u.pick(enc, "false", "ebs-unencrypted")
	}
	u.resource("aws_ebs_volume", u.name, u.sub(`  availability_zone = local.azs[1]
  size              = 20
  encrypted         = `+enc+`
  tags              = local.common_tags
`))
}}

// sgRuleFiller is one more rule on the module's shared group.
var sgRuleFiller = unit{prefix: "rule", size: 1, write: func(u *unitCtx) {
	port, cidr := "5432", "[var.vpc_cidr]"
	if u.bad {
		cidr = u.pick(cidr, `["0.0.0.0/0"]`, "sg-world-admin-port")
	}
	u.resource("aws_security_group_rule", u.name, u.sub(`  type              = "ingress"
  from_port         = `+port+`
  to_port           = `+port+`
  protocol          = "tcp"
  cidr_blocks       = `+cidr+`
  security_group_id = aws_security_group.shared.id
`))
}}

// iamPolicyFiller is a customer-managed policy written with jsonencode.
var iamPolicyFiller = unit{prefix: "pol", size: 1, write: func(u *unitCtx) {
	resource := `"arn:aws:sqs:${var.region}:${var.account_id}:${local.prefix}-NAME"`
	if u.bad {
		resource = u.pick(resource, `"*"`, "iam-wildcard-resource")
	}
	u.resource("aws_iam_policy", u.name, u.sub(`  name = "${local.prefix}-NAME"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "Queue"
      Effect   = "Allow"
      Action   = ["sqs:SendMessage", "sqs:DeleteMessage"]
      Resource = `+resource+`
    }]
  })
`))
}}
