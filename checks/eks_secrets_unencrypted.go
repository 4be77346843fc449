package checks

import "github.com/onus-sec/onus/analyzer"

// EKSSecretsUnencrypted flags EKS clusters that do not envelope-encrypt
// Kubernetes secrets with a KMS key of the user's.
//
// Facts (verified 2026-12-02):
//   - EKS provides default envelope encryption for all Kubernetes API data
//     in clusters running Kubernetes 1.28 or higher, with an AWS-owned KMS
//     key, and lets you bring a customer-managed key instead (Amazon EKS
//     User Guide, "Default envelope encryption for all Kubernetes API Data";
//     rolled out in March 2025).
//   - Before that, etcd volumes were encrypted at disk level with keys AWS
//     manages, and secrets were envelope-encrypted only with a key given in
//     the cluster's encryption configuration (AWS Containers Blog, "Using EKS
//     encryption provider support for defense-in-depth").
//   - aws_eks_cluster: encryption_config { resources = ["secrets"],
//     provider { key_arn } }; the provider accepts no other resource than
//     "secrets" and requires key_arn (Terraform AWS provider docs; checked
//     with terraform validate against provider 5.100.0).
var EKSSecretsUnencrypted = &analyzer.Check{
	ID:        "eks-secrets-unencrypted",
	Title:     "EKS secrets are not encrypted with a customer-managed KMS key",
	Severity:  analyzer.Medium,
	Side:      analyzer.Customer,
	Category:  analyzer.DataProtection,
	Resources: []string{"aws_eks_cluster"},
	Boundary:  "AWS encrypts the etcd volumes and, from Kubernetes 1.28, envelope-encrypts API data with a key it owns; a key you control over your secrets is yours to configure.",
	Fix:       "Add encryption_config { resources = [\"secrets\"] provider { key_arn = <customer-managed key ARN> } }.",
	Run:       runEKSSecretsUnencrypted,
}

func init() { register(EKSSecretsUnencrypted) }

func runEKSSecretsUnencrypted(p *analyzer.Pass) {
	for _, r := range p.Resources("aws_eks_cluster") {
		if r.Body.HasUnknownBlocks("encryption_config") {
			continue
		}
		// The provider accepts only "secrets" in resources and requires
		// provider.key_arn, so any encryption_config block is a key of the
		// user's over the secrets.
		if len(r.Body.BlocksOf("encryption_config")) == 0 {
			p.ReportMissing(r, "encryption_config", "%s", eksNoCMKMessage(r))
		}
	}
}

// eksNoCMKMessage says what AWS does for a cluster without an encryption
// configuration, which depends on its Kubernetes version.
func eksNoCMKMessage(r *analyzer.Resource) string {
	if v, ok := r.Attr("version").String(); ok {
		if kv, ok := parseKubernetesVersion(v); ok && kv.less(kubernetesVersion{1, 28}) {
			return "no encryption_config: on Kubernetes " + v + " EKS stores secrets in etcd on volumes AWS encrypts, without envelope encryption; add encryption_config for \"secrets\" with a customer-managed key"
		}
	}
	return "no encryption_config: EKS already envelope-encrypts Kubernetes API data, secrets included, with an AWS-owned key (Kubernetes 1.28 and later), which you cannot restrict, audit or revoke; add encryption_config for \"secrets\" with a customer-managed key"
}
