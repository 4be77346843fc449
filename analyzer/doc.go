// Package analyzer loads and evaluates Terraform configurations into a model
// of resource instances, and runs checks over it.
//
// Loading discovers root modules, parses .tf and .tf.json files concurrently
// and keeps going past broken ones. Evaluation follows Terraform: variables
// from defaults, tfvars and flags; locals in dependency order; count,
// for_each and dynamic blocks; local and installed child modules; Terraform's
// functions, with file access confined to the scanned tree. Values the
// configuration cannot know are unknown, and the readers checks use never
// turn an unknown value into a finding. References between resources travel
// with values, so that a check can find every resource that configures
// another. A run lets go of each module's syntax trees once its last
// evaluation is done, keeping only the expressions the model points at.
//
// A Check is metadata plus a function over a Pass; the runner runs checks
// concurrently, applies inline ignores and returns findings in a stable
// order.
package analyzer
