package analyzer

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// The part of Terraform's JSON plan (`terraform show -json PLANFILE`) that
// onus reads. Field names follow Terraform's documented JSON output format
// (format_version 1.x).

// PlanDocument is a Terraform plan in JSON form.
type PlanDocument struct {
	FormatVersion    string                  `json:"format_version"`
	TerraformVersion string                  `json:"terraform_version"`
	Variables        map[string]planVariable `json:"variables"`
	PlannedValues    *planValues             `json:"planned_values"`
	PriorState       *planState              `json:"prior_state"`
	ResourceChanges  []*planChange           `json:"resource_changes"`
	Configuration    *planConfiguration      `json:"configuration"`
	Errored          bool                    `json:"errored"`
}

type planVariable struct {
	Value any `json:"value"`
}

type planValues struct {
	RootModule *planModule `json:"root_module"`
}

type planState struct {
	Values *planValues `json:"values"`
}

// planModule is one module instance of planned_values or of a state.
type planModule struct {
	Address      string          `json:"address"`
	Resources    []*planResource `json:"resources"`
	ChildModules []*planModule   `json:"child_modules"`
}

// planResource is one resource instance with its values.
type planResource struct {
	Address      string         `json:"address"`
	Mode         string         `json:"mode"`
	Type         string         `json:"type"`
	Name         string         `json:"name"`
	Index        any            `json:"index"`
	ProviderName string         `json:"provider_name"`
	Values       map[string]any `json:"values"`
}

// planChange is one entry of resource_changes.
type planChange struct {
	Address       string `json:"address"`
	ModuleAddress string `json:"module_address"`
	Mode          string `json:"mode"`
	Type          string `json:"type"`
	Name          string `json:"name"`
	Index         any    `json:"index"`
	Change        struct {
		Actions      []string       `json:"actions"`
		After        map[string]any `json:"after"`
		AfterUnknown map[string]any `json:"after_unknown"`
	} `json:"change"`
}

type planConfiguration struct {
	ProviderConfig map[string]*configProvider `json:"provider_config"`
	RootModule     *configModule              `json:"root_module"`
}

// configProvider is a provider configuration with its version constraint.
type configProvider struct {
	Name              string `json:"name"`
	FullName          string `json:"full_name"`
	VersionConstraint string `json:"version_constraint"`
}

// configModule is a module of the configuration section: what the source
// says, per resource block rather than per instance.
type configModule struct {
	Resources   []*configResource          `json:"resources"`
	ModuleCalls map[string]*configCall     `json:"module_calls"`
	Outputs     map[string]*configOutput   `json:"outputs"`
	Variables   map[string]json.RawMessage `json:"variables"`
}

// configResource is a resource block. Expressions maps each argument the
// configuration sets to an expression, and each nested block to a list of
// such maps.
type configResource struct {
	Address           string                     `json:"address"`
	Mode              string                     `json:"mode"`
	Type              string                     `json:"type"`
	Name              string                     `json:"name"`
	Expressions       map[string]json.RawMessage `json:"expressions"`
	CountExpression   *configExpr                `json:"count_expression"`
	ForEachExpression *configExpr                `json:"for_each_expression"`
}

type configCall struct {
	Source            string                 `json:"source"`
	Expressions       map[string]*configExpr `json:"expressions"`
	CountExpression   *configExpr            `json:"count_expression"`
	ForEachExpression *configExpr            `json:"for_each_expression"`
	Module            *configModule          `json:"module"`
}

type configOutput struct {
	Expression *configExpr `json:"expression"`
}

// configExpr is an expression: its value when it is a constant, else the
// references it makes ("aws_s3_bucket.b.id", "var.name", "module.m.out").
type configExpr struct {
	ConstantValue any      `json:"constant_value"`
	References    []string `json:"references"`
}

// ParsePlan reads a JSON plan. It fails on anything that is not one.
func ParsePlan(data []byte) (*PlanDocument, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc PlanDocument
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("reading the plan: %w", err)
	}
	if doc.FormatVersion == "" || doc.PlannedValues == nil {
		return nil, fmt.Errorf("reading the plan: not a Terraform JSON plan (no format_version or planned_values); write one with `terraform show -json PLANFILE`")
	}
	return &doc, nil
}

// IsPlanJSON reports whether data looks like a Terraform JSON plan: a JSON
// object whose top level has format_version and planned_values. Only the
// top level is decoded.
func IsPlanJSON(data []byte) bool {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		return false
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return false
	}
	_, fv := top["format_version"]
	_, pv := top["planned_values"]
	return fv && pv
}

// walkPlanModules calls fn for every module instance of planned values or
// a state, parents first.
func walkPlanModules(m *planModule, fn func(*planModule)) {
	if m == nil {
		return
	}
	fn(m)
	for _, c := range m.ChildModules {
		walkPlanModules(c, fn)
	}
}

// PlanInstance is one instance as Terraform plans it, in the shape of
// Instance: Values as in planned_values, Unknown as after_unknown.
type PlanInstance struct {
	Address string
	Mode    Mode
	Type    string
	Name    string
	Values  map[string]any
	Unknown map[string]any
}

// PlanInstances returns every resource and data source instance of a plan:
// managed resources and data sources read during apply from planned_values
// (with after_unknown from resource_changes), data sources read during the
// plan from prior_state.
func (d *PlanDocument) PlanInstances() []PlanInstance {
	unknown := map[string]map[string]any{}
	for _, rc := range d.ResourceChanges {
		unknown[rc.Address] = rc.Change.AfterUnknown
	}
	seen := map[string]bool{}
	var out []PlanInstance
	add := func(r *planResource, unk map[string]any) {
		if seen[r.Address] {
			return
		}
		seen[r.Address] = true
		if unk == nil {
			unk = map[string]any{}
		}
		vals := r.Values
		if vals == nil {
			vals = map[string]any{}
		}
		out = append(out, PlanInstance{Address: r.Address, Mode: Mode(r.Mode), Type: r.Type, Name: r.Name, Values: vals, Unknown: unk})
	}
	if d.PlannedValues != nil {
		walkPlanModules(d.PlannedValues.RootModule, func(m *planModule) {
			for _, r := range m.Resources {
				add(r, unknown[r.Address])
			}
		})
	}
	if d.PriorState != nil && d.PriorState.Values != nil {
		walkPlanModules(d.PriorState.Values.RootModule, func(m *planModule) {
			for _, r := range m.Resources {
				if r.Mode == string(Data) {
					add(r, nil)
				}
			}
		})
	}
	return out
}
