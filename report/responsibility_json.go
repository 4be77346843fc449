package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/onus-sec/onus/analyzer"
)

// ResponsibilityJSON prints the responsibility map as one JSON document for
// scripts and compliance records. Field names are part of the contract.
type ResponsibilityJSON struct{}

type jsonResponsibility struct {
	Resources []jsonResourceControls `json:"resources"`
	Summary   jsonResponsibilitySum  `json:"summary"`
}

type jsonResourceControls struct {
	Address  string        `json:"address"`
	Type     string        `json:"type"`
	Location jsonLocation  `json:"location"`
	Controls []jsonControl `json:"controls"`
}

type jsonControl struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Side   string `json:"side"`
	Status string `json:"status"`
	Detail string `json:"detail"`
}

type jsonResponsibilitySum struct {
	Customer jsonCheckCounts `json:"customer"`
	Shared   jsonCheckCounts `json:"shared"`
	AWS      jsonAWSCounts   `json:"aws"`
}

type jsonCheckCounts struct {
	Pass       int `json:"pass"`
	Fail       int `json:"fail"`
	Unknown    int `json:"unknown"`
	Suppressed int `json:"suppressed"`
}

type jsonAWSCounts struct {
	Info int `json:"info"`
}

// WriteResponsibility prints r as indented JSON followed by a newline.
func (p *ResponsibilityJSON) WriteResponsibility(w io.Writer, r *Responsibility) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(responsibilityDocument(r)); err != nil {
		return fmt.Errorf("writing JSON responsibility map: %w", err)
	}
	return nil
}

func responsibilityDocument(r *Responsibility) jsonResponsibility {
	doc := jsonResponsibility{Resources: make([]jsonResourceControls, 0, len(r.Resources))}
	for _, res := range r.Resources {
		jr := jsonResourceControls{
			Address:  res.Address,
			Type:     res.Type,
			Location: respLocation(res.Location),
			Controls: make([]jsonControl, 0, len(res.Controls)),
		}
		for _, c := range res.Controls {
			jr.Controls = append(jr.Controls, jsonControl{ID: c.ID, Title: c.Title, Side: string(c.Side), Status: string(c.Status), Detail: c.Detail})
		}
		doc.Resources = append(doc.Resources, jr)
	}
	sum := r.Summary()
	counts := func(s SideCounts) jsonCheckCounts {
		return jsonCheckCounts{
			Pass:       s[analyzer.StatusPass],
			Fail:       s[analyzer.StatusFail],
			Unknown:    s[analyzer.StatusUnknown],
			Suppressed: s[analyzer.StatusSuppressed],
		}
	}
	doc.Summary = jsonResponsibilitySum{
		Customer: counts(sum[analyzer.Customer]),
		Shared:   counts(sum[analyzer.Shared]),
		AWS:      jsonAWSCounts{Info: sum[analyzer.AWS][analyzer.StatusInfo]},
	}
	return doc
}
